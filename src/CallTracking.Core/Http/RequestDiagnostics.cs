using System;
using System.Threading;

namespace CallTracking.Core.Http
{
    /// <summary>
    /// Routes request log entries and retry notices to whoever started the operation. A connection is shared by every cmdlet
    /// in a session, so the listener flows with the async call (AsyncLocal), not with the connection: each cmdlet sees only
    /// its own requests, and hands them to PowerShell on its pipeline thread.
    /// </summary>
    public static class RequestDiagnostics
    {
        private static readonly AsyncLocal<IRequestListener?> CurrentListener = new AsyncLocal<IRequestListener?>();

        public static IRequestListener? Current => CurrentListener.Value;

        /// <summary>Sets the listener for the current async flow until the returned scope is disposed.</summary>
        public static IDisposable Listen(IRequestListener listener)
        {
            var previous = CurrentListener.Value;
            CurrentListener.Value = listener;
            return new Scope(previous);
        }

        private sealed class Scope : IDisposable
        {
            private readonly IRequestListener? _previous;
            public Scope(IRequestListener? previous) => _previous = previous;
            public void Dispose() => CurrentListener.Value = _previous;
        }
    }

    public interface IRequestListener
    {
        void OnRequest(RequestLogEntry entry);
        void OnRetry(string operation, int attempt, TimeSpan delay, string reason);
        /// <summary>A note for the user about the operation (verbose), or a warning when it may change the result.</summary>
        void OnNotice(string message, bool warning);
    }
}
