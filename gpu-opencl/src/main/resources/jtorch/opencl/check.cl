// Deferred validation. A check records its failure in the backend's error word err[0..3] (tag of the first
// failing check, INT_MAX − its first bad position, value low and high word) instead of making the host wait;
// the host reads the word at its next synchronizing read and throws the check's error there.

// ok is a contiguous bool array of n elements at okOff. The first check to fail claims err[0]; its failing
// work items keep the smallest position (as INT_MAX − position, so a zeroed word means none).
__kernel void check_all(int n, __global const uchar* ok, int okOff, int tag, __global int* err) {
    int i = get_global_id(0);
    if (i >= n || ok[okOff + i]) {
        return;
    }
    int prev = atomic_cmpxchg(err, 0, tag);
    if (prev == 0 || prev == tag) {
        atomic_max(err + 1, INT_MAX - i);
    }
}

// One work item, after check_all: the value of the int64 detail array at the first bad position.
__kernel void check_detail(int tag, __global const long* detail, int detailOff, __global int* err) {
    if (get_global_id(0) != 0 || err[0] != tag || err[1] == 0) {
        return;
    }
    long v = detail[detailOff + (INT_MAX - err[1])];
    err[2] = (int) v;
    err[3] = (int) (v >> 32);
}
