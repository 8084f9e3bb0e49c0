package jtorch.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every distinct leaf-layer line of the torchvision model prints in {@code shared/reference/models/*.repr.txt}
 * (PyTorch's own output) that names a layer of ours, rebuilt from its printed arguments: our
 * {@code toString()} must give the same line back. The resource was extracted with
 * {@code cat *.repr.txt | sed -E 's/^ *(\([^)]*\): )?//' | grep -E '^(Conv2d|...|Identity)\(.*\)$' | sort -u}.
 */
class ReferenceModelReprTest {
    /** Skip building layers whose weight exceeds this many elements: the repr does not depend on size. */
    private static final long MAX_WEIGHT = 1L << 20;

    @Test
    void everyReferenceLeafLayerPrintsTheSame() throws IOException {
        List<String> lines;
        try (InputStream in = getClass().getResourceAsStream("/reference/models/leaf-reprs.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        int checked = 0;
        for (String line : lines) {
            Module m = build(line);
            if (m != null) {
                assertEquals(line, m.toString());
                checked++;
            }
        }
        assertTrue(checked > 1000, "only " + checked + " of " + lines.size() + " lines checked");
    }

    /** Rebuilds the module a line describes, or null when its weight would be large. */
    private static Module build(String line) {
        String name = line.substring(0, line.indexOf('('));
        String body = line.substring(name.length() + 1, line.length() - 1);
        List<String> positional = new ArrayList<>();
        Map<String, String> kw = new LinkedHashMap<>();
        for (String arg : splitTopLevel(body)) {
            int eq = arg.indexOf('=');
            if (eq < 0 || arg.startsWith("(")) {
                positional.add(arg);
            } else {
                kw.put(arg.substring(0, eq), arg.substring(eq + 1));
            }
        }
        boolean inplace = kw.getOrDefault("inplace", "False").equals("True");
        return switch (name) {
            case "Conv2d" -> conv(positional, kw);
            case "Linear" -> {
                int in = Integer.parseInt(kw.get("in_features"));
                int out = Integer.parseInt(kw.get("out_features"));
                yield (long) in * out > MAX_WEIGHT ? null : new Linear(in, out, kw.get("bias").equals("True"));
            }
            case "MaxPool2d" -> new MaxPool2d(ints(kw.get("kernel_size")), ints(kw.get("stride")),
                    ints(kw.get("padding")), ints(kw.get("dilation")), kw.get("ceil_mode").equals("True"));
            case "AvgPool2d" -> new AvgPool2d(ints(kw.get("kernel_size")), ints(kw.get("stride")),
                    ints(kw.get("padding")), false, true);
            case "AdaptiveAvgPool2d" -> new AdaptiveAvgPool2d(ints(kw.get("output_size")));
            case "BatchNorm2d" -> new BatchNorm2d(Integer.parseInt(positional.get(0)), Double.parseDouble(kw.get("eps")),
                    Double.parseDouble(kw.get("momentum")), kw.get("affine").equals("True"),
                    kw.get("track_running_stats").equals("True"));
            case "LayerNorm" -> new LayerNorm(ints(positional.get(0)), Double.parseDouble(kw.get("eps")),
                    kw.get("elementwise_affine").equals("True"));
            case "Dropout" -> new Dropout(Double.parseDouble(kw.get("p")), inplace);
            case "Flatten" -> new Flatten(Integer.parseInt(kw.get("start_dim")), Integer.parseInt(kw.get("end_dim")));
            case "GELU" -> new GELU(kw.get("approximate").replace("'", ""));
            case "ReLU" -> new ReLU(inplace);
            case "ReLU6" -> new ReLU6(inplace);
            case "SiLU" -> new SiLU(inplace);
            case "Hardswish" -> new Hardswish();
            case "Hardsigmoid" -> new Hardsigmoid();
            case "Sigmoid" -> new Sigmoid();
            case "Tanh" -> new Tanh();
            case "Identity" -> new Identity();
            default -> throw new IllegalArgumentException("no rebuild rule for " + line);
        };
    }

    private static Module conv(List<String> positional, Map<String, String> kw) {
        int in = Integer.parseInt(positional.get(0));
        int out = Integer.parseInt(positional.get(1));
        int[] k = ints(kw.get("kernel_size"));
        int groups = Integer.parseInt(kw.getOrDefault("groups", "1"));
        if ((long) out * (in / groups) * k[0] * k[k.length - 1] > MAX_WEIGHT) {
            return null;
        }
        return Conv2d.builder(in, out, k).stride(ints(kw.get("stride"))).padding(ints(kw.getOrDefault("padding", "0")))
                .dilation(ints(kw.getOrDefault("dilation", "1"))).groups(groups)
                .bias(!kw.getOrDefault("bias", "True").equals("False")).build();
    }

    /** {@code 3} or {@code (3, 3)} or {@code (5,)} as an int array. */
    private static int[] ints(String s) {
        String t = s.replace("(", "").replace(")", "").trim();
        List<Integer> values = new ArrayList<>();
        for (String part : t.split(",")) {
            if (!part.isBlank()) {
                values.add(Integer.parseInt(part.trim()));
            }
        }
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<String> splitTopLevel(String body) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(body.substring(start, i).trim());
                start = i + 1;
            }
        }
        if (start < body.length() && !body.substring(start).isBlank()) {
            out.add(body.substring(start).trim());
        }
        return out;
    }
}
