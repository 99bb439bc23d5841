package org.truce.server.ui;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;

/** Renders the precompiled jte templates (HTML-escaped output by default). */
public final class Templates {
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  public void render(Context ctx, String template, Map<String, Object> params) {
    StringOutput out = new StringOutput();
    engine.render(template, params, out);
    ctx.html(out.toString());
  }
}
