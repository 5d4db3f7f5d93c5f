using System;
using CallTracking.Core.Http;
using CallTracking.Core.Model;

namespace CallTracking.Core.Providers.AvidTrak
{
    /// <summary>
    /// AvidTrak answers errors inside HTTP 200 [seed]: the code in the body decides. 1 and 200 succeed; 3, 4 and 401 are
    /// authentication errors; 0 is a refused parameter (or data not found when none was given); 404 an unknown method; 6 a
    /// bad format. None is "unreadable": none is retried. The status text is the message.
    /// </summary>
    public sealed class AvidTrakResponseInterpreter : HttpStatusInterpreter
    {
        public AvidTrakResponseInterpreter(Func<DateTimeOffset>? now = null) : base(now)
        {
        }

        protected override ResponseFailure? InterpretSuccess(ResponseContext response)
        {
            var head = AvidTrakEnvelope.TryReadHead(response.Body);
            if (head is null || head.Code is null) return null; // not an envelope: the operation's reader judges the body
            if (head.IsSuccess) return null;
            return new ResponseFailure(KindOf(head.Code, response.Request), response.Status, head.Code, head.Status ?? "AvidTrak code " + head.Code);
        }

        protected override (string? Code, string? Message) ReadErrorBody(ResponseContext response)
        {
            var head = AvidTrakEnvelope.TryReadHead(response.Body);
            return head is null ? base.ReadErrorBody(response) : (head.Code, head.Status);
        }

        public static CallTrackingErrorKind KindOf(string code, ApiRequest request)
        {
            switch (code)
            {
                case AvidTrakApi.AuthenticationRequired:
                case AvidTrakApi.AuthenticationFailed:
                case AvidTrakApi.AuthenticationFailedHttp:
                    return CallTrackingErrorKind.Authentication;
                case AvidTrakApi.InvalidMethod:
                    return CallTrackingErrorKind.NotSupported;
                case AvidTrakApi.InvalidFormat:
                    return CallTrackingErrorKind.InvalidArgument;
                case AvidTrakApi.UnknownError:
                    // "invalid or missing parameters or data not found": with the method's own parameters, they were refused.
                    return HasMethodParameters(request) ? CallTrackingErrorKind.InvalidArgument : CallTrackingErrorKind.ProviderFailure;
                default:
                    return CallTrackingErrorKind.ProviderFailure;
            }
        }

        private static bool HasMethodParameters(ApiRequest request)
        {
            foreach (var p in request.Query.Pairs)
                if (p.Key != AvidTrakApi.Method && p.Key != AvidTrakApi.Format && p.Key != AvidTrakApi.Pincode) return true;
            return false;
        }
    }
}
