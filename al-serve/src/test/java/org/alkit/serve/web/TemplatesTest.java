package org.alkit.serve.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplatesTest {
  @Test
  void valuesAreEscapedForHtmlTextAndQuotedAttributes() {
    assertThat(Templates.fill("<p title=\"{{a}}\">{{a}}</p>", Map.of("a", "<script>alert('x') & \"y\"</script>")))
        .isEqualTo("<p title=\"&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;\">"
            + "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;</p>");
  }

  @Test
  void aPlaceholderWithoutValueIsAnErrorNamingTheGivenOnes() {
    assertThatThrownBy(() -> Templates.fill("{{csrf}} {{name}}", Map.of("csrf", "c")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no value for the placeholder {{name}}; given: [csrf]");
  }

  @Test
  void thePagesFillWithTheValuesTheControllerGives() {
    String label = Templates.fill(Templates.read("label.html"), Map.of("csrf", "C5RF", "name", "alice"));
    assertThat(label).contains("<meta name=\"csrf-token\" content=\"C5RF\">")
        .contains("<input type=\"hidden\" name=\"csrf\" value=\"C5RF\">").contains("alice")
        .contains("<script src=\"/assets/label.js\" defer></script>").doesNotContain("{{");
    assertThat(Templates.fill(Templates.read("login.html"), Map.of("error", "E"))).contains("action=\"/login\"")
        .contains(">E</p>").doesNotContain("{{");
  }

  @Test
  void aMissingResourceSaysWhichOne() {
    assertThatThrownBy(() -> Templates.read("nope.html")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nope.html is missing");
  }
}
