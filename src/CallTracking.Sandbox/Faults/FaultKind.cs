namespace CallTracking.Sandbox
{
    /// <summary>What a <see cref="FaultRule"/> does to a matching request. Unless a kind says otherwise,
    /// <see cref="FaultRule.Delay"/> is waited first, and with <see cref="FaultRule.AfterProcessing"/> the request takes
    /// effect (e.g. a purchase is made) before the fault is delivered; without it a mutation never happens.</summary>
    public enum FaultKind
    {
        /// <summary>The normal response after <see cref="FaultRule.Delay"/>.</summary>
        Latency,

        /// <summary>HTTP 429 with Retry-After (<see cref="FaultRule.RetryAfter"/> or <see cref="FaultRule.RetryAfterDate"/>; default 1 s).</summary>
        TooManyRequests,

        /// <summary>HTTP <see cref="FaultRule.StatusCode"/> (5xx, default 503), Retry-After only when set.</summary>
        ServerError,

        /// <summary>The connection is reset (RST) without a reply; in-process an <c>HttpRequestException</c>.</summary>
        DropConnection,

        /// <summary>The normal response (a stand-in for a mutation without AfterProcessing) announced whole, half of it
        /// sent, then the connection closed.</summary>
        TruncatedBody,

        /// <summary>HTTP 200 with JSON cut in the middle.</summary>
        MalformedBody,

        /// <summary>HTTP 200 whose body is the emulator's own error envelope (<see cref="FaultRule.ProviderCode"/>,
        /// <see cref="FaultRule.ProviderMessage"/>), as providers that report errors in the body do.</summary>
        ProviderErrorIn200,

        /// <summary>The whole request is read, then the connection is closed cleanly (FIN, not RST) without a byte of
        /// reply, as a server that crashes or recycles between reading and answering does. Over loopback the socket is
        /// shut down gracefully (http.sys on Windows exposes no socket: there it is a reset); in-process the handler
        /// throws what .NET's own handler throws for it: <c>HttpRequestException</c> "An error occurred while sending the
        /// request." around an <c>HttpIOException</c> (an <c>IOException</c>) "The response ended prematurely."
        /// (ResponseEnded). Logged with status 0.</summary>
        CloseWithoutReply,

        /// <summary>The normal response's status and headers at once (Content-Length = the whole body), then the body
        /// <see cref="FaultRule.TrickleBytes"/> bytes at a time with <see cref="FaultRule.Delay"/> before each write, so
        /// a client timeout that does not cover the body is exposed. Here Delay is that pause, not a wait before the
        /// headers. A mutation without AfterProcessing trickles a stand-in body. Ends when the body is sent, the client
        /// leaves, or the sandbox stops.</summary>
        TrickleBody,

        /// <summary>The normal response's status and headers with Content-Length = <see cref="FaultRule.ClaimedLength"/>
        /// (default 2,000,000,000), a few bytes of its body (at most 64), then nothing until the client gives up, 60 s
        /// pass or the sandbox stops; the connection is then closed (in-process: the read fails as a premature end).</summary>
        OversizedBody,

        /// <summary>HTTP 200, JSON content type, no length (chunked over loopback), a body that opens with "{" and then
        /// repeats whitespace without end, until the client stops reading, 1 GiB was sent, 60 s pass or the sandbox
        /// stops; the body is then cut (never completed).</summary>
        EndlessBody,

        /// <summary>HTTP <see cref="FaultRule.StatusCode"/> (default 401 for this kind; any 200..599) with the sandbox's
        /// error body {"status":…,"error":"unauthorized","message":"Authorization: &lt;header&gt;; query: &lt;query&gt;"}
        /// echoing the request's Authorization header ("(none)" without one) and its query string as sent, as
        /// misconfigured servers do; only the reply carries them, the request log still blanks every secret.</summary>
        EchoAuthorization,

        /// <summary>HTTP <see cref="FaultRule.StatusCode"/> (301, 302, 303, 307 or 308; default 302 for this kind) with
        /// <c>Location</c> = <see cref="FaultRule.Location"/>, where the text {query} becomes the request's query
        /// string as sent (without '?'), and an empty body.</summary>
        Redirect,
    }
}
