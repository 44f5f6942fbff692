package dev.groupscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

class JsonOutTest {

    @Test
    void stringsAreEscapedAsJsonButHtmlAndUnicodeStayReadable() {
        JsonObject json = new JsonObject();
        json.addProperty("key", "a\"b\\c\n<订单>");

        assertThat(JsonOut.render(json)).isEqualTo("{\n  \"key\": \"a\\\"b\\\\c\\n<订单>\"\n}\n");
    }

    @Test
    void emptyContainersStayOnOneLine() {
        JsonObject json = new JsonObject();
        json.add("list", new JsonArray());
        json.add("map", new JsonObject());

        assertThat(JsonOut.render(json)).isEqualTo("{\n  \"list\": [],\n  \"map\": {}\n}\n");
    }

    @Test
    void objectsInsideANestedArrayTakeOneLineEach() {
        JsonObject step = new JsonObject();
        step.addProperty("kind", "PLACE");
        step.add("member", null);
        JsonArray steps = new JsonArray();
        steps.add(step);
        steps.add(step);
        JsonObject json = new JsonObject();
        json.add("steps", steps);

        assertThat(JsonOut.render(json)).isEqualTo("""
                {
                  "steps": [
                    {"kind": "PLACE", "member": null},
                    {"kind": "PLACE", "member": null}
                  ]
                }
                """);
    }
}
