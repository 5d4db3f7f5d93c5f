using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace CallTracking.Sandbox.Http
{
    /// <summary>How the transport must (mis)deliver a response.</summary>
    internal enum TransportFault
    {
        None,
        DropConnection,
        TruncatedBody,
    }

    /// <summary>Transport-neutral response: either a small rendered body or a writer that streams straight to the wire.</summary>
    internal sealed class SandboxHttpResponse
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
            StatusCode = statusCode;
            ContentType = contentType;
            Body = body;
        }

        public SandboxHttpResponse(int statusCode, string contentType, Func<Stream, CancellationToken, Task> bodyWriter)
        {
            StatusCode = statusCode;
            ContentType = contentType;
            BodyWriter = bodyWriter;
        }

        public int StatusCode { get; }
        public string ContentType { get; }
        public byte[]? Body { get; private set; }
        public Func<Stream, CancellationToken, Task>? BodyWriter { get; private set; }
        public List<KeyValuePair<string, string>> Headers { get; } = new List<KeyValuePair<string, string>>();
        public TransportFault TransportFault { get; set; }

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

        /// <summary>The contract's error body: {"status":…,"error":"…","message":"…"}.</summary>
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
