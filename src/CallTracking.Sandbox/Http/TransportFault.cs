namespace CallTracking.Sandbox.Http
{
    /// <summary>How the transport must (mis)deliver a response.</summary>
    internal enum TransportFault
    {
        None,
        DropConnection,
        TruncatedBody,
    }
}
