using System.Net.Http;

namespace CallTracking.Core.Http
{
    /// <summary>What a request is for, carried on the request so the retry and logging handlers can act on it.</summary>
    public sealed class RequestOperation
    {
        private const string PropertyKey = "CallTracking.RequestOperation";

        public RequestOperation(string name, OperationSafety safety, string? target = null)
        {
            Name = name;
            Safety = safety;
            Target = target;
        }

        /// <summary>E.g. "TrackDrive.ListCalls".</summary>
        public string Name { get; }
        public OperationSafety Safety { get; }
        public string? Target { get; }

        public void AttachTo(HttpRequestMessage request)
        {
#pragma warning disable CS0618 // Properties is the netstandard2.0 way; on .NET 5+ it is backed by Options.
            request.Properties[PropertyKey] = this;
#pragma warning restore CS0618
        }

        public static RequestOperation Of(HttpRequestMessage request)
        {
#pragma warning disable CS0618
            return request.Properties.TryGetValue(PropertyKey, out var value) && value is RequestOperation op
                ? op
                : new RequestOperation(request.Method + " " + request.RequestUri?.AbsolutePath, request.Method == HttpMethod.Get ? OperationSafety.Read : OperationSafety.Unsafe);
#pragma warning restore CS0618
        }
    }
}
