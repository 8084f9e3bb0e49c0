package jtorch.tensorboard;

/**
 * Field numbers of the TensorFlow protos we write, from {@code tensorflow/core/util/event.proto},
 * {@code tensorflow/core/framework/summary.proto}, {@code tensor.proto}, {@code tensor_shape.proto}.
 */
final class Events {
    private Events() {}

    // Event
    static final int WALL_TIME = 1;      // double
    static final int STEP = 2;           // int64
    static final int FILE_VERSION = 3;   // string
    static final int SUMMARY = 5;        // Summary

    // Summary
    static final int SUMMARY_VALUE = 1;  // repeated Value

    // Summary.Value
    static final int VALUE_TAG = 1;           // string
    static final int VALUE_SIMPLE_VALUE = 2;  // float
    static final int VALUE_IMAGE = 4;         // Summary.Image
    static final int VALUE_HISTO = 5;         // HistogramProto
    static final int VALUE_TENSOR = 8;        // TensorProto
    static final int VALUE_METADATA = 9;      // SummaryMetadata

    // Summary.Image
    static final int IMAGE_HEIGHT = 1;
    static final int IMAGE_WIDTH = 2;
    static final int IMAGE_COLORSPACE = 3;
    static final int IMAGE_ENCODED = 4;

    // HistogramProto
    static final int HISTO_MIN = 1;
    static final int HISTO_MAX = 2;
    static final int HISTO_NUM = 3;
    static final int HISTO_SUM = 4;
    static final int HISTO_SUM_SQUARES = 5;
    static final int HISTO_BUCKET_LIMIT = 6;   // packed double
    static final int HISTO_BUCKET = 7;         // packed double

    // SummaryMetadata and its PluginData
    static final int METADATA_PLUGIN_DATA = 1;
    static final int PLUGIN_NAME = 1;
    static final int PLUGIN_CONTENT = 2;

    // TensorProto, TensorShapeProto, TensorShapeProto.Dim
    static final int TENSOR_DTYPE = 1;
    static final int TENSOR_SHAPE = 2;
    static final int TENSOR_STRING_VAL = 8;
    static final int SHAPE_DIM = 2;
    static final int DIM_SIZE = 1;
    static final int DT_STRING = 7;
}
