namespace CallTracking.Sandbox.Http
{
    /// <summary>How the transport must (mis)deliver a response.</summary>
    internal enum TransportFault
    {
        None,

        /// <summary>Reset the connection; nothing is sent.</summary>
        DropConnection,

        /// <summary>Announce the whole body, send half of it, close the connection.</summary>
        TruncatedBody,

        /// <summary>Close the connection cleanly (FIN) after reading the request; nothing is sent.</summary>
        CloseWithoutReply,

        /// <summary>Send the status and headers at once, then the response's <see cref="SandboxHttpResponse.FaultBody"/>
        /// piece by piece; cut the connection where that body says it does not complete.</summary>
        PacedBody,
    }
}
