package org.truce.server.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.truce.core.validation.Errors;
import org.truce.core.validation.StorableText;

/** Form posts get the same check as JSON bodies: no field may carry text the record cannot keep exactly. */
public final class StorableFormText {
  private StorableFormText() {}

  public static void check(Context ctx) {
    String type = ctx.contentType();
    if (!"POST".equals(ctx.method().name()) || type == null
        || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      return;
    }
    Errors errors = new Errors();
    for (Map.Entry<String, List<String>> field : ctx.formParamMap().entrySet()) {
      String badName = StorableText.problem(field.getKey());
      if (badName != null) {
        errors.add("body", "a field name " + badName);
        continue;
      }
      field.getValue().stream().map(StorableText::problem).filter(java.util.Objects::nonNull).findFirst()
          .ifPresent(why -> errors.add(field.getKey(), why));
    }
    errors.throwIfAny();
  }
}
