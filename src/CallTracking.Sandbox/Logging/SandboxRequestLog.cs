using System.Collections;
using System.Collections.Generic;

namespace CallTracking.Sandbox
{
    /// <summary>Thread-safe log of the last <see cref="Capacity"/> requests, oldest first.</summary>
    public sealed class SandboxRequestLog : IReadOnlyList<SandboxRequest>
    {
        internal const int Capacity = 10_000;

        private readonly object _gate = new object();
        private readonly SandboxRequest[] _ring = new SandboxRequest[Capacity];
        private int _start;
        private int _count;

        public int Count
        {
            get { lock (_gate) return _count; }
        }

        public SandboxRequest this[int index]
        {
            get
            {
                lock (_gate)
                {
                    if ((uint)index >= (uint)_count) throw new System.ArgumentOutOfRangeException(nameof(index));
                    return _ring[(_start + index) % Capacity];
                }
            }
        }

        public void Clear()
        {
            lock (_gate)
            {
                System.Array.Clear(_ring, 0, _ring.Length);
                _start = 0;
                _count = 0;
            }
        }

        internal void Add(SandboxRequest request)
        {
            lock (_gate)
            {
                if (_count < Capacity)
                {
                    _ring[(_start + _count) % Capacity] = request;
                    _count++;
                }
                else
                {
                    _ring[_start] = request;
                    _start = (_start + 1) % Capacity;
                }
            }
        }

        /// <summary>Enumerates a snapshot, so concurrent requests never break an enumeration.</summary>
        public IEnumerator<SandboxRequest> GetEnumerator()
        {
            SandboxRequest[] snapshot;
            lock (_gate)
            {
                snapshot = new SandboxRequest[_count];
                for (var i = 0; i < _count; i++) snapshot[i] = _ring[(_start + i) % Capacity];
            }
            return ((IEnumerable<SandboxRequest>)snapshot).GetEnumerator();
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
