package jtorch.tensorboard;

import static jtorch.tensorboard.ProtoReader.dbl;
import static jtorch.tensorboard.ProtoReader.flt;
import static jtorch.tensorboard.ProtoReader.message;
import static jtorch.tensorboard.ProtoReader.packedDoubles;
import static jtorch.tensorboard.ProtoReader.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import javax.imageio.ImageIO;
import jtorch.Torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parses back what SummaryWriter wrote: every record's two CRCs, then the Event and Summary fields. */
class SummaryWriterTest {
    /** Reads all records of an event file, checking framing and both masked CRC-32Cs. */
    static List<Map<Integer, List<Object>>> readEvents(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        List<Map<Integer, List<Object>>> events = new ArrayList<>();
        while (b.hasRemaining()) {
            byte[] header = new byte[8];
            b.get(header);
            assertThat(b.getInt()).as("length CRC").isEqualTo(masked(header));
            long len = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getLong();
            byte[] data = new byte[(int) len];
            b.get(data);
            assertThat(b.getInt()).as("data CRC").isEqualTo(masked(data));
            events.add(ProtoReader.parse(data));
        }
        return events;
    }

    /** The mask written out independently of the implementation under test. */
    private static int masked(byte[] data) {
        CRC32C crc = new CRC32C();
        crc.update(data);
        long c = crc.getValue();
        long rotated = ((c >>> 15) | (c << 17)) & 0xffffffffL;
        return (int) ((rotated + 0xa282ead8L) & 0xffffffffL);
    }

    private static Map<Integer, List<Object>> value(Map<Integer, List<Object>> event) {
        return message(message(event, Events.SUMMARY), Events.SUMMARY_VALUE);
    }

    @Test
    void crcOfKnownInputMatchesTensorFlow() {
        // TFRecord framing of an empty record: the length header is 8 zero bytes; CRC32C("") = 0
        assertThat(masked(new byte[0])).isEqualTo(0xa282ead8);
        assertThat(EventFileWriter.maskedCrc("123456789".getBytes())).isEqualTo(masked("123456789".getBytes()));
        CRC32C c = new CRC32C();
        c.update("123456789".getBytes());
        assertThat(c.getValue()).isEqualTo(0xE3069283L);   // the CRC-32C check value
    }

    @Test
    void writesScalarsImagesHistogramsAndText(@TempDir Path dir) throws IOException {
        Path file;
        try (var w = new SummaryWriter(dir)) {
            file = w.file();
            w.addScalar("loss/train", 0.25, 3);
            w.addScalar("loss/train", 0.125, -1);
            w.addImage("img", Torch.tensor(new float[] {0, 0.5f, 1, 2, 0, 0, 0, 0, 0.1f, 0.2f, 0.3f, 0.4f}, 3, 2, 2), 7);
            w.addHistogram("weights", Torch.tensor(new float[] {-1.5f, 0, 0.25f, 0.25f, 3.0f, 2.9999f}), 9);
            w.addText("notes", "héllo **world**", 11);
        }
        assertThat(file.getFileName().toString()).startsWith("events.out.tfevents.").matches("events\\.out\\.tfevents\\.\\d{10}\\..+");
        var events = readEvents(file);
        assertThat(events).hasSize(6);
        assertThat(str(events.get(0), Events.FILE_VERSION)).isEqualTo("brain.Event:2");
        assertThat(dbl(events.get(0), Events.WALL_TIME)).isCloseTo(System.currentTimeMillis() / 1000.0, within(60.0));

        var scalar = value(events.get(1));
        assertThat((Long) events.get(1).get(Events.STEP).get(0)).isEqualTo(3L);
        assertThat(str(scalar, Events.VALUE_TAG)).isEqualTo("loss/train");
        assertThat(flt(scalar, Events.VALUE_SIMPLE_VALUE)).isEqualTo(0.25f);
        assertThat((Long) events.get(2).get(Events.STEP).get(0)).isEqualTo(-1L);

        var image = message(value(events.get(3)), Events.VALUE_IMAGE);
        assertThat((Long) image.get(Events.IMAGE_HEIGHT).get(0)).isEqualTo(2L);
        assertThat((Long) image.get(Events.IMAGE_COLORSPACE).get(0)).isEqualTo(3L);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream((byte[]) image.get(Events.IMAGE_ENCODED).get(0)));
        assertThat(png.getWidth()).isEqualTo(2);
        int rgb = png.getRGB(1, 0);   // channel values 0.5, 0, 0.2 -> 127, 0, 51
        assertThat(new int[] {rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff}).containsExactly(127, 0, 51);
        assertThat(png.getRGB(1, 1) >> 16 & 0xff).isEqualTo(255);   // 2.0 clipped

        // expected values computed by PyTorch 1.13's make_histogram with numpy (default TensorFlow bins)
        var histo = message(value(events.get(4)), Events.VALUE_HISTO);
        assertThat(dbl(histo, Events.HISTO_MIN)).isEqualTo(-1.5);
        assertThat(dbl(histo, Events.HISTO_MAX)).isEqualTo(3.0);
        assertThat(dbl(histo, Events.HISTO_NUM)).isEqualTo(6.0);
        assertThat(dbl(histo, Events.HISTO_SUM)).isCloseTo(4.9999001026153564, within(1e-12));
        assertThat(dbl(histo, Events.HISTO_SUM_SQUARES)).isCloseTo(20.374400625671626, within(1e-12));
        double[] limits = packedDoubles(histo, Events.HISTO_BUCKET_LIMIT);
        double[] counts = packedDoubles(histo, Events.HISTO_BUCKET);
        assertThat(counts).hasSize(600);
        assertThat(limits).hasSize(600);
        assertThat(limits[0]).isCloseTo(-1.624957930213695, within(1e-12));
        assertThat(limits[599]).isCloseTo(3.1665833053880363, within(1e-12));
        Map<Integer, Double> nonzero = new LinkedHashMap<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) {
                nonzero.put(i, counts[i]);
            }
        }
        assertThat(nonzero).containsExactly(Map.entry(1, 1.0), Map.entry(297, 1.0), Map.entry(573, 2.0), Map.entry(599, 2.0));

        var text = value(events.get(5));
        assertThat(str(text, Events.VALUE_TAG)).isEqualTo("notes/text_summary");
        var plugin = message(message(text, Events.VALUE_METADATA), Events.METADATA_PLUGIN_DATA);
        assertThat(str(plugin, Events.PLUGIN_NAME)).isEqualTo("text");
        var tensor = message(text, Events.VALUE_TENSOR);
        assertThat((Long) tensor.get(Events.TENSOR_DTYPE).get(0)).isEqualTo(7L);
        assertThat(str(tensor, Events.TENSOR_STRING_VAL)).isEqualTo("héllo **world**");
        var dim = message(message(tensor, Events.TENSOR_SHAPE), Events.SHAPE_DIM);
        assertThat((Long) dim.get(Events.DIM_SIZE).get(0)).isEqualTo(1L);
    }

    @Test
    void addScalarsWritesOneRunPerKey(@TempDir Path dir) throws IOException {
        try (var w = new SummaryWriter(dir)) {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("train", 1.0);
            m.put("test", 2.0);
            w.addScalars("loss/all", m, 5);
        }
        Path train;
        try (var files = Files.list(dir.resolve("loss_all_train"))) {
            train = files.findFirst().orElseThrow();
        }
        var events = readEvents(train);
        assertThat(events).hasSize(2);
        assertThat(str(value(events.get(1)), Events.VALUE_TAG)).isEqualTo("loss/all");
        assertThat(flt(value(events.get(1)), Events.VALUE_SIMPLE_VALUE)).isEqualTo(1.0f);
        assertThat(Files.isDirectory(dir.resolve("loss_all_test"))).isTrue();
    }

    @Test
    void flushMakesEventsVisibleAndBadInputsAreRejected(@TempDir Path dir) throws IOException {
        var w = new SummaryWriter(dir);
        w.addScalar("a", 1, 0);
        w.flush();
        assertThat(readEvents(w.file())).hasSize(2);
        assertThatThrownBy(() -> w.addScalar("", 1, 0)).hasMessageContaining("tag");
        assertThatThrownBy(() -> w.addImage("i", Torch.zeros(2, 2), 0)).hasMessageContaining("[C, H, W]");
        assertThatThrownBy(() -> w.addHistogram("h", Torch.zeros(0), 0)).hasMessageContaining("no element");
        assertThatThrownBy(() -> w.addHistogram("h", Torch.tensor(new float[] {Float.NaN}), 0)).hasMessageContaining("finite");
        w.close();
        w.close();
        assertThatThrownBy(() -> w.addScalar("a", 1, 0)).isInstanceOf(IllegalStateException.class);
        assertThat(Arrays.stream(Histogram.DEFAULT_EDGES).filter(e -> e == 0).count()).isEqualTo(1);
        assertThat(Histogram.DEFAULT_EDGES).hasSize(1549);
    }
}
