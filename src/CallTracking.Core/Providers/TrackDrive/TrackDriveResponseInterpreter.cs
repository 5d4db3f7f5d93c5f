using System;
using System.Text.Json;
using CallTracking.Core.Http;
using CallTracking.Core.Json;

namespace CallTracking.Core.Providers.TrackDrive
{
    /// <summary>
    /// TrackDrive's replies: the HTTP status decides; an error body reads {"error":…, "message":…} or {"errors":…}
    /// (the error body shape is a gap: read leniently).
    /// </summary>
    public sealed class TrackDriveResponseInterpreter : HttpStatusInterpreter
    {
        public TrackDriveResponseInterpreter(Func<DateTimeOffset>? now = null) : base(now)
        {
        }

        protected override (string? Code, string? Message) ReadErrorBody(ResponseContext response) => ReadError(response.Body);

        /// <summary>Reads {"error":…, "message":…} or {"errors":[…]}; any other body: its first 300 characters.</summary>
        public static (string? Code, string? Message) ReadError(ReadOnlyMemory<byte> body)
        {
            if (body.Length == 0) return (null, null);
            var reader = new Utf8JsonReader(body.Span);
            var source = new JsonSource(body, 0);
            string? code = null, message = null;
            try
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return (null, TextOf(body, 300));
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = JsonValues.Text(ref reader);
                    reader.Read();
                    switch (name)
                    {
                        case TrackDriveApi.ErrorFields.Error: code = JsonValues.ReadString(ref reader, source); break;
                        case TrackDriveApi.ErrorFields.Message: message = JsonValues.ReadString(ref reader, source); break;
                        case TrackDriveApi.ErrorFields.Errors: message ??= JsonValues.ReadString(ref reader, source); break;
                        default: reader.Skip(); break;
                    }
                }
            }
            catch (JsonException)
            {
                return (null, TextOf(body, 300));
            }
            return (code, message ?? code);
        }
    }
}
