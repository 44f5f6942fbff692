package dev.groupscope.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.diagram.Drawing;
import dev.groupscope.diagram.NoteLines;
import dev.groupscope.diagram.Shape;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgExporterTest {

    @Test
    void theTopologyIsWellFormedSvgWithEveryLabelAsRealText() throws Exception {
        Drawing drawing = SmallRun.topologyAt(12_000, SmallRun.ENGLISH);

        Document svg = parse(SvgExporter.svg(drawing));

        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(svg.getDocumentElement().getAttribute("xmlns")).isEqualTo("http://www.w3.org/2000/svg");
        List<String> texts = texts(svg);
        List<String> labels = drawing.shapes().stream().filter(Shape.Label.class::isInstance)
                .map(shape -> ((Shape.Label) shape).text()).toList();
        assertThat(texts).isEqualTo(labels);
        assertThat(texts).contains("Broker 2 · up", "coordinator of shop", "orders-0", "C1  ★ leader", "crashed",
                "shop: committed 34 · lag 6");
    }

    @Test
    void everyElementCarriesAUniqueIdAndItsStyleClasses() throws Exception {
        Document svg = parse(SvgExporter.svg(SmallRun.topologyAt(12_000, SmallRun.ENGLISH)));

        Set<String> ids = new HashSet<>();
        NodeList all = svg.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (!element.getAttribute("id").isEmpty()) {
                assertThat(ids.add(element.getAttribute("id"))).as(element.getAttribute("id")).isTrue();
            }
        }
        assertThat(byId(svg, "broker-2").getAttribute("class")).isEqualTo("broker coordinator");
        assertThat(byId(svg, "offsets-2").getAttribute("class")).contains("group-offsets");
        assertThat(byId(svg, "consumer-C2").getAttribute("class")).isEqualTo("consumer stopped");
        assertThat(byId(svg, "assign-shop-orders-2").getAttribute("class")).isEqualTo("assignment member-slot-0");
        assertThat(byId(svg, "assign-shop-orders-2").getElementsByTagName("polygon").getLength()).isEqualTo(1);
    }

    @Test
    void idsNameTheSameThingsAtAnotherMoment() throws Exception {
        Set<String> before = ids(parse(SvgExporter.svg(SmallRun.topologyAt(4_000, SmallRun.ENGLISH))));
        Set<String> after = ids(parse(SvgExporter.svg(SmallRun.topologyAt(12_000, SmallRun.ENGLISH))));

        // At 4 s C2 still owns orders-2; at 12 s C1 does: the partition, its strip and the consumers keep their ids.
        assertThat(before).contains("partition-orders-2", "consumer-C1", "consumer-C2", "assign-shop-orders-2");
        assertThat(after).contains("partition-orders-2", "consumer-C1", "consumer-C2", "assign-shop-orders-2");
    }

    @Test
    void theSameDrawingGivesTheSameBytes() {
        assertThat(SvgExporter.svg(SmallRun.topologyAt(12_000, SmallRun.ENGLISH)))
                .isEqualTo(SvgExporter.svg(SmallRun.topologyAt(12_000, SmallRun.ENGLISH)));
    }

    @Test
    void chineseTextStaysTextWithAFontThatHasItsGlyphs() throws Exception {
        Document svg = parse(SvgExporter.svg(SmallRun.topologyAt(12_000, SmallRun.CHINESE)));

        assertThat(texts(svg)).contains("shop 的协调者", "已崩溃");
        assertThat(svg.getDocumentElement().getAttribute("font-family")).contains("WenQuanYi Micro Hei",
                "Noto Sans CJK SC", "sans-serif");
    }

    @Test
    void theSequenceDiagramDrawsEachMessageAndColoursErrorAnswers() throws Exception {
        Document svg = parse(SvgExporter.svg(SmallRun.sequence(0, 12_000, false, SmallRun.ENGLISH).drawing()));

        List<Element> errors = new ArrayList<>();
        NodeList groups = svg.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            if (List.of(group.getAttribute("class").split(" ")).contains("error")) {
                errors.add(group);
            }
        }
        assertThat(errors).extracting(e -> e.getAttribute("class"))
                .contains("message response api-JoinGroup error", "message response api-Heartbeat heartbeat error");
        Element firstJoin = errors.stream().filter(e -> e.getAttribute("class").contains("api-JoinGroup"))
                .findFirst().orElseThrow();
        assertThat(firstJoin.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("JoinGroup response from Broker 2 to C1: sent at 6 ms, arrived at 8 ms (2 ms on the network)");
        assertThat(words(svg)).contains("JoinGroup ✗ MEMBER_ID_REQUIRED", "Heartbeat ✗ REBALANCE_IN_PROGRESS",
                "process crashed", "C2 removed: session timed out (6,000 ms)", "Stable → PreparingRebalance");
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> texts(Document svg) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = svg.getElementsByTagName("text");
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    /**
     * Each label's words, a note's on all the lines it wraps onto ({@code note-N-label}, then {@code note-N-label-2},
     * …) joined back into one.
     */
    static List<String> words(Document svg) {
        List<String> words = new ArrayList<>();
        NodeList nodes = svg.getElementsByTagName("text");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element text = (Element) nodes.item(i);
            String id = text.getAttribute("id");
            if (id.matches(".*-label-\\d+")) {
                continue;
            }
            List<String> lines = new ArrayList<>(List.of(text.getTextContent()));
            for (int line = 2; ; line++) {
                Element next = textById(svg, id + "-" + line);
                if (id.isEmpty() || next == null) {
                    break;
                }
                lines.add(next.getTextContent());
            }
            words.add(NoteLines.join(lines));
        }
        return words;
    }

    private static Element textById(Document svg, String id) {
        NodeList nodes = svg.getElementsByTagName("text");
        for (int i = 0; i < nodes.getLength(); i++) {
            if (((Element) nodes.item(i)).getAttribute("id").equals(id)) {
                return (Element) nodes.item(i);
            }
        }
        return null;
    }

    static Set<String> ids(Document svg) {
        Set<String> ids = new HashSet<>();
        NodeList all = svg.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            String id = ((Element) all.item(i)).getAttribute("id");
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        return ids;
    }

    static Element byId(Document svg, String id) {
        NodeList all = svg.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (element.getAttribute("id").equals(id)) {
                return element;
            }
        }
        throw new AssertionError("no element with id " + id);
    }
}
