package io.quayside.functions.gateway;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Query strings and form bodies as Prometheus' API and /federate read them. */
class FormFieldsTest {
    @Test
    void repeatedNamesKeepEveryValueInOrderAndDecoded() {
        FormFields fields = FormFields.parse("match%5B%5D=up%7Bjob%3D%22a%2Cb%22%7D&match[]=node_load1&time=&flag&query=a+b%2B1");
        assertThat(fields.all("match[]")).containsExactly("up{job=\"a,b\"}", "node_load1");
        assertThat(fields.first("time")).isEmpty();
        assertThat(fields.first("flag")).isEmpty();
        assertThat(fields.first("query")).as("'+' is a space, %2B a plus").isEqualTo("a b+1");
        assertThat(fields.first("absent")).isNull();
        assertThat(FormFields.parse(null).values()).isEmpty();
    }

    @Test
    void badEncodingAndNonFormBodiesAreRefusedNamingWhy() {
        assertThatThrownBy(() -> FormFields.parse("query=%zz")).isInstanceOf(GatewayException.class)
                .hasMessageContaining("malformed parameter \"%zz\"").extracting("status").isEqualTo(400);
        byte[] body = "query=up".getBytes(StandardCharsets.UTF_8);
        assertThat(FormFields.ofBody("application/x-www-form-urlencoded; charset=UTF-8", body).first("query")).isEqualTo("up");
        assertThatThrownBy(() -> FormFields.ofBody("application/json", body)).isInstanceOf(GatewayException.class)
                .hasMessageContaining("not application/json").extracting("status").isEqualTo(415);
        assertThatThrownBy(() -> FormFields.ofBody(null, body)).hasMessageContaining("no Content-Type");
    }
}
