package jtorch.vision.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws training curves (one panel per series: loss per epoch, test accuracy per epoch) into a PNG,
 * with axes, ticks and values, using only the JDK (java.desktop, headless).
 */
final class CurvePlot {
    private static final int PANEL_W = 480;
    private static final int PANEL_H = 320;
    private static final int MARGIN = 56;

    private CurvePlot() {}

    /** One panel: a title, the y-axis label and the values at x = 1, 2, ... (epochs). */
    record Series(String title, String yLabel, List<Double> values, Color color) {}

    /** Writes the panels side by side to {@code file} (atomically: temp file, then rename). */
    static void write(Path file, List<Series> panels) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage img = new BufferedImage(PANEL_W * panels.size(), PANEL_H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        for (int i = 0; i < panels.size(); i++) {
            drawPanel(g, i * PANEL_W, panels.get(i));
        }
        g.dispose();
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".plot", ".png.tmp");
        try {
            ImageIO.write(img, "png", tmp.toFile());
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void drawPanel(Graphics2D g, int x0, Series s) {
        int left = x0 + MARGIN;
        int right = x0 + PANEL_W - 20;
        int top = 36;
        int bottom = PANEL_H - 40;
        List<Double> v = s.values();
        double lo = v.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double hi = v.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        if (hi - lo < 1e-12) {
            lo -= 0.5;
            hi += 0.5;
        }
        double pad = (hi - lo) * 0.08;
        lo -= pad;
        hi += pad;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(s.title(), left, 22);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawLine(left, bottom, right, bottom);
        g.drawLine(left, top, left, bottom);
        for (int t = 0; t <= 4; t++) {
            double val = lo + (hi - lo) * t / 4;
            int y = bottom - (int) Math.round((bottom - top) * (double) t / 4);
            g.setColor(new Color(230, 230, 230));
            g.drawLine(left + 1, y, right, y);
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%.3g", val), x0 + 4, y + 4);
        }
        int n = v.size();
        for (int i = 0; i < n; i++) {
            int x = xAt(i, n, left, right);
            g.drawString(String.valueOf(i + 1), x - 3, bottom + 14);
        }
        g.drawString("epoch", (left + right) / 2 - 14, bottom + 30);
        g.drawString(s.yLabel(), left + 4, top - 4);
        g.setColor(s.color());
        g.setStroke(new BasicStroke(2f));
        int px = -1;
        int py = -1;
        for (int i = 0; i < n; i++) {
            int x = xAt(i, n, left, right);
            int y = bottom - (int) Math.round((bottom - top) * (v.get(i) - lo) / (hi - lo));
            g.fillOval(x - 3, y - 3, 7, 7);
            if (px >= 0) {
                g.drawLine(px, py, x, y);
            }
            px = x;
            py = y;
        }
    }

    private static int xAt(int i, int n, int left, int right) {
        return n == 1 ? (left + right) / 2 : left + 12 + (int) Math.round((right - left - 24) * (double) i / (n - 1));
    }
}
