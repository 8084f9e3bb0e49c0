package jtorch.tensorboard;

/** Builds {@code Summary} protos holding one value each, as PyTorch's {@code torch.utils.tensorboard.summary}. */
final class Summaries {
    private Summaries() {}

    static Proto scalar(String tag, float value) {
        return one(new Proto().string(Events.VALUE_TAG, tag).floatField(Events.VALUE_SIMPLE_VALUE, value));
    }

    static Proto image(String tag, int height, int width, int channels, byte[] png) {
        Proto image = new Proto()
                .varint(Events.IMAGE_HEIGHT, height)
                .varint(Events.IMAGE_WIDTH, width)
                .varint(Events.IMAGE_COLORSPACE, channels)
                .bytes(Events.IMAGE_ENCODED, png);
        return one(new Proto().string(Events.VALUE_TAG, tag).message(Events.VALUE_IMAGE, image));
    }

    static Proto histogram(String tag, Proto histo) {
        return one(new Proto().string(Events.VALUE_TAG, tag).message(Events.VALUE_HISTO, histo));
    }

    /**
     * TensorBoard's text plugin reads a string tensor of shape [1] whose metadata names the plugin "text";
     * the plugin content is an empty {@code TextPluginData} (version 0 is proto3's default, so no bytes).
     */
    static Proto text(String tag, String text) {
        Proto pluginData = new Proto().string(Events.PLUGIN_NAME, "text").bytes(Events.PLUGIN_CONTENT, new byte[0]);
        Proto metadata = new Proto().message(Events.METADATA_PLUGIN_DATA, pluginData);
        Proto shape = new Proto().message(Events.SHAPE_DIM, new Proto().varint(Events.DIM_SIZE, 1));
        Proto tensor = new Proto()
                .varint(Events.TENSOR_DTYPE, Events.DT_STRING)
                .message(Events.TENSOR_SHAPE, shape)
                .string(Events.TENSOR_STRING_VAL, text);
        return one(new Proto().string(Events.VALUE_TAG, tag).message(Events.VALUE_METADATA, metadata).message(Events.VALUE_TENSOR, tensor));
    }

    private static Proto one(Proto value) {
        return new Proto().message(Events.SUMMARY_VALUE, value);
    }
}
