package org.truce.server.ui;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import org.truce.server.auth.Access;
import org.truce.server.auth.Authenticator;
import org.truce.server.auth.Principal;

/**
 * Renders the precompiled jte templates (HTML-escaped output by default), telling the layout who
 * is signed in and the CSRF token its forms must carry.
 */
public final class Templates {
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  public void render(Context ctx, String template, Map<String, Object> params) {
    Map<String, Object> all = new HashMap<>(params);
    if (all.get("page") instanceof PageInfo page) {
      Principal p = Access.principal(ctx);
      all.put("page", p.isAnonymous() ? page : page.signedIn(p.account(), p.party(), Authenticator.csrf(ctx)));
    }
    StringOutput out = new StringOutput();
    engine.render(template, all, out);
    ctx.html(out.toString());
  }
}
