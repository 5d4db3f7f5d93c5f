namespace CallTracking.Core.Http
{
    /// <summary>
    /// How safe it is to send a request again. Classified per operation, not per HTTP verb: an RPC API may do everything with
    /// GET, and a purchase must never be repeated once it may have reached the server.
    /// </summary>
    public enum OperationSafety
    {
        /// <summary>Reads: retried on 429, 5xx, timeouts, dropped connections and truncated bodies.</summary>
        Read,
        /// <summary>Writes that give the same result when repeated (update a number's settings): retried like reads.</summary>
        Idempotent,
        /// <summary>Spends money or destroys state (purchase, unrent, hang up): retried only on 429 or a refused connection.</summary>
        Unsafe,
    }
}
