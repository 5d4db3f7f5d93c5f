using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CallTracking.Sandbox
{
    /// <summary>
    /// An emulator that can send its provider's own callbacks (a call event, an SMS forward…) to a URL on demand, so a test
    /// or a tour can drive a listener such as Receive-CallEvent. Send-CallTrackingSandboxEvent uses it, naming no provider.
    /// </summary>
    public interface ISandboxEventSource
    {
        /// <summary>The kinds of event it sends, the default first (e.g. Call, Sms).</summary>
        IReadOnlyList<string> EventKinds { get; }

        /// <summary>The most events of a kind it can send in one go (e.g. the calls it has).</summary>
        long MaxEvents(string kind);

        /// <summary>Sends <paramref name="count"/> events of <paramref name="kind"/> to <paramref name="url"/>, one request each,
        /// in order; an unreachable receiver is recorded in the result, not thrown.</summary>
        Task<IReadOnlyList<SandboxCallbackRecord>> SendEventsAsync(string kind, Uri url, int count, CancellationToken cancellationToken);
    }
}
