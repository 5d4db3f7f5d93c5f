using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace CallTracking.Sandbox.Http
{
    /// <summary>
    /// A reply body delivered over time (TrickleBody, OversizedBody, EndlessBody). Both transports pull it piece by piece
    /// with <see cref="ReadAsync"/>, so the pieces, the pauses and the bounds are the same; they differ only in how a piece
    /// reaches the client (a write to the socket, or a read of the in-process content stream) and in how a cut looks.
    /// One instance serves one response.
    /// </summary>
    internal sealed class FaultBody
    {
        /// <summary>The longest an oversized or an endless body holds a connection.</summary>
        public static readonly TimeSpan MaxDuration = TimeSpan.FromSeconds(60);

        /// <summary>The most an endless body sends.</summary>
        public const long EndlessLimit = 1L << 30;

        /// <summary>The most of the real body an oversized body sends before it stalls.</summary>
        public const int OversizedPrefix = 64;

        private const int EndlessPiece = 64 * 1024;
        private static readonly byte[] Spaces = NewSpaces();

        private enum Shape { Trickle, Oversized, Endless }

        private readonly Shape _shape;
        private readonly byte[] _bytes;
        private readonly int _piece;
        private readonly TimeSpan _pause;
        private readonly Stopwatch _age = Stopwatch.StartNew();
        private long _sent;

        private FaultBody(Shape shape, byte[] bytes, int piece, TimeSpan pause, long? length)
        {
            _shape = shape;
            _bytes = bytes;
            _piece = piece;
            _pause = pause;
            Length = length;
        }

        /// <summary>The whole body, <paramref name="bytesPerWrite"/> bytes at a time, each after <paramref name="pause"/>.</summary>
        public static FaultBody Trickle(byte[] body, int bytesPerWrite, TimeSpan pause) =>
            new FaultBody(Shape.Trickle, body, Math.Max(1, bytesPerWrite), pause, body.Length);

        /// <summary>Announces <paramref name="claimed"/> bytes, sends at most <see cref="OversizedPrefix"/> of the body, then stalls.</summary>
        public static FaultBody Oversized(byte[] body, long claimed)
        {
            var prefix = (int)Math.Min(Math.Min(body.Length, OversizedPrefix), Math.Max(0, claimed - 1));
            var bytes = new byte[prefix];
            Buffer.BlockCopy(body, 0, bytes, 0, prefix);
            return new FaultBody(Shape.Oversized, bytes, prefix, TimeSpan.Zero, claimed);
        }

        /// <summary>"{" and then whitespace, with no length announced.</summary>
        public static FaultBody Endless() => new FaultBody(Shape.Endless, Array.Empty<byte>(), EndlessPiece, TimeSpan.Zero, null);

        /// <summary>The Content-Length to announce; null = none (chunked over a socket).</summary>
        public long? Length { get; }

        /// <summary>True when the end of <see cref="ReadAsync"/> is a complete body; false when it is where the
        /// connection is cut (the body never completes).</summary>
        public bool Completes => _shape == Shape.Trickle;

        /// <summary>How long the body may hold the connection at most; null = until it is sent.</summary>
        public TimeSpan? TimeLimit => _shape == Shape.Trickle ? (TimeSpan?)null : MaxDuration;

        /// <summary>Bytes handed out so far.</summary>
        public long Sent => Interlocked.Read(ref _sent);

        /// <summary>The next piece (waiting its pause, or the stall, first); 0 = the end, complete or cut
        /// (<see cref="Completes"/>). Waits honour <paramref name="cancellationToken"/>.</summary>
        public async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            if (count <= 0) return 0;
            switch (_shape)
            {
                case Shape.Trickle:
                {
                    if (_sent >= _bytes.Length) return 0;
                    if (_pause > TimeSpan.Zero) await Task.Delay(_pause, cancellationToken).ConfigureAwait(false);
                    var n = (int)Math.Min(Math.Min(count, _piece), _bytes.Length - _sent);
                    Buffer.BlockCopy(_bytes, (int)_sent, buffer, offset, n);
                    Interlocked.Add(ref _sent, n);
                    return n;
                }
                case Shape.Oversized:
                {
                    if (_sent < _bytes.Length)
                    {
                        var n = (int)Math.Min(count, _bytes.Length - _sent);
                        Buffer.BlockCopy(_bytes, (int)_sent, buffer, offset, n);
                        Interlocked.Add(ref _sent, n);
                        return n;
                    }
                    // Nothing more will come: wait for the client to give up, within the bound.
                    var left = MaxDuration - _age.Elapsed;
                    if (left > TimeSpan.Zero) await Task.Delay(left, cancellationToken).ConfigureAwait(false);
                    return 0;
                }
                default:
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (_sent >= EndlessLimit || _age.Elapsed >= MaxDuration) return 0;
                    var n = (int)Math.Min(Math.Min(count, EndlessPiece), EndlessLimit - _sent);
                    Buffer.BlockCopy(Spaces, 0, buffer, offset, n);
                    if (_sent == 0) buffer[offset] = (byte)'{';
                    Interlocked.Add(ref _sent, n);
                    return n;
                }
            }
        }

        private static byte[] NewSpaces()
        {
            var spaces = new byte[EndlessPiece];
            for (var i = 0; i < spaces.Length; i++) spaces[i] = (byte)' ';
            return spaces;
        }
    }
}
