using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace CallTracking.Sandbox.Http
{
    /// <summary>Transport-neutral response: either a small rendered body or a writer that streams straight to the wire.</summary>
    public sealed class SandboxHttpResponse
    {
        public const string JsonContentType = "application/json; charset=utf-8";
        public const string CsvContentType = "text/csv; charset=utf-8";

        /// <summary>'+' in E.164 numbers stays readable; the output is never embedded in HTML.</summary>
        public static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            SkipValidation = true,
        };

        public SandboxHttpResponse(int statusCode, string contentType, byte[] body)
        {
            StatusCode = CheckStatus(statusCode);
            ContentType = contentType ?? throw new ArgumentNullException(nameof(contentType));
            Body = body ?? throw new ArgumentNullException(nameof(body));
        }

        /// <param name="bodyWriter">Writes the body to the wire (or to the client's read stream in-process).</param>
        public SandboxHttpResponse(int statusCode, string contentType, Func<Stream, CancellationToken, Task> bodyWriter)
        {
            StatusCode = CheckStatus(statusCode);
            ContentType = contentType ?? throw new ArgumentNullException(nameof(contentType));
            BodyWriter = bodyWriter ?? throw new ArgumentNullException(nameof(bodyWriter));
        }

        private static int CheckStatus(int statusCode) =>
            statusCode >= 100 && statusCode <= 599 ? statusCode : throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "An HTTP status is 100..599.");

        public int StatusCode { get; }
        public string ContentType { get; }
        public byte[]? Body { get; private set; }
        public Func<Stream, CancellationToken, Task>? BodyWriter { get; private set; }
        public List<KeyValuePair<string, string>> Headers { get; } = new List<KeyValuePair<string, string>>();
        internal TransportFault TransportFault { get; set; }

        /// <summary>With <see cref="TransportFault.PacedBody"/>: the body to send over time instead of <see cref="Body"/>.</summary>
        internal FaultBody? FaultBody { get; set; }

        public SandboxHttpResponse WithHeader(string name, string value)
        {
            Headers.Add(new KeyValuePair<string, string>(name, value));
            return this;
        }

        /// <summary>Renders a streamed body into memory (needed to truncate it).</summary>
        public async Task<byte[]> RenderAsync(CancellationToken cancellationToken)
        {
            if (Body != null) return Body;
            using var buffer = new MemoryStream();
            await BodyWriter!(buffer, cancellationToken).ConfigureAwait(false);
            Body = buffer.ToArray();
            BodyWriter = null;
            return Body;
        }

        public static SandboxHttpResponse Json(int statusCode, Action<Utf8JsonWriter> write)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) write(writer);
            return new SandboxHttpResponse(statusCode, JsonContentType, buffer.ToArray());
        }

        /// <summary>The sandbox's generic error body {"status":…,"error":"…","message":"…"}, used for what no emulator
        /// answers (unknown path, injected 429/5xx, an emulator's own failure); emulators may use it for their errors.</summary>
        public static SandboxHttpResponse Error(int statusCode, string error, string message) =>
            Json(statusCode, w =>
            {
                w.WriteStartObject();
                w.WriteNumber("status", statusCode);
                w.WriteString("error", error);
                w.WriteString("message", message);
                w.WriteEndObject();
            });
    }
}
