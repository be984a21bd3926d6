using System.Runtime.CompilerServices;

// Field arithmetic keeps many scalar temporaries and stackalloc scratch buffers; every buffer is
// written before it is read, so the runtime need not zero them first.
[module: SkipLocalsInit]
