using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Xml;
using CallTracking.Sandbox.Http;

namespace CallTracking.Sandbox.AvidTrak
{
    /// <summary>One row of a reply's data: field names and string values, in order.</summary>
    internal sealed class AvidTrakRow
    {
        public List<KeyValuePair<string, string>> Fields { get; } = new List<KeyValuePair<string, string>>();

        public AvidTrakRow Add(string name, string? value)
        {
            Fields.Add(new KeyValuePair<string, string>(name, value ?? ""));
            return this;
        }

        public AvidTrakRow Add(string name, long value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

        public AvidTrakRow Add(string name, bool value) => Add(name, value ? "1" : "0");

        public AvidTrakRow Add(string name, decimal money) => Add(name, Money(money));

        public static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

        public static string Date(System.DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The seed's envelope, written with System.Text.Json's and System.Xml's writers: JSON {"code":1,"status":"Success",
    /// "data":[{…}]|null} (code a number, every other value a string) or XML &lt;response&gt;&lt;code/&gt;&lt;status/&gt;
    /// &lt;data&gt;&lt;row&gt;…&lt;/row&gt;&lt;/data&gt;&lt;/response&gt; (an empty data is &lt;data/&gt;), always in an HTTP 200.
    /// </summary>
    internal static class AvidTrakReply
    {
        public const string XmlContentType = "text/xml; charset=utf-8";

        public const int Success = 1;
        public const int UnknownError = 0;
        public const int AuthenticationRequired = 3;
        public const int AuthenticationFailed = 4;
        public const int InvalidFormat = 6;
        public const int InvalidMethod = 404;

        public const string SuccessStatus = "Success";
        public const string UnknownErrorStatus = "Unknown Error";

        private static readonly XmlWriterSettings XmlSettings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            Indent = false,
            CloseOutput = false,
        };

        public static SandboxHttpResponse Ok(string format, IReadOnlyList<AvidTrakRow>? rows) => Write(format, Success.ToString(CultureInfo.InvariantCulture), SuccessStatus, rows);

        public static SandboxHttpResponse Error(string format, int code, string status) => Write(format, code.ToString(CultureInfo.InvariantCulture), status, null);

        /// <summary><paramref name="code"/> as given: a JSON number when it is an integer, else a JSON string.</summary>
        public static SandboxHttpResponse Write(string format, string code, string status, IReadOnlyList<AvidTrakRow>? rows)
        {
            if (rows != null && rows.Count == 0) rows = null;
            return format == "xml" ? Xml(code, status, rows) : Json(code, status, rows);
        }

        private static SandboxHttpResponse Json(string code, string status, IReadOnlyList<AvidTrakRow>? rows) =>
            SandboxHttpResponse.Json(200, w =>
            {
                w.WriteStartObject();
                if (long.TryParse(code, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)) w.WriteNumber("code", number);
                else w.WriteString("code", code);
                w.WriteString("status", status);
                if (rows is null) w.WriteNull("data");
                else
                {
                    w.WriteStartArray("data");
                    foreach (var row in rows)
                    {
                        w.WriteStartObject();
                        foreach (var f in row.Fields) w.WriteString(f.Key, f.Value);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            });

        private static SandboxHttpResponse Xml(string code, string status, IReadOnlyList<AvidTrakRow>? rows)
        {
            using var buffer = new MemoryStream();
            using (var w = XmlWriter.Create(buffer, XmlSettings))
            {
                w.WriteStartDocument();
                w.WriteStartElement("response");
                w.WriteElementString("code", XmlText(code));
                w.WriteElementString("status", XmlText(status));
                w.WriteStartElement("data");
                if (rows != null)
                {
                    foreach (var row in rows)
                    {
                        w.WriteStartElement("row");
                        foreach (var f in row.Fields) w.WriteElementString(f.Key, XmlText(f.Value));
                        w.WriteEndElement();
                    }
                }
                w.WriteEndElement();
                w.WriteEndElement();
                w.WriteEndDocument();
            }
            return new SandboxHttpResponse(200, XmlContentType, buffer.ToArray());
        }

        /// <summary>Characters XML cannot carry (a lone surrogate; control characters are refused on input) become U+FFFD.</summary>
        private static string XmlText(string value)
        {
            StringBuilder? copy = null;
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                var ok = XmlConvert.IsXmlChar(c) || (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]));
                if (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(value[i - 1])) ok = true;
                if (ok && copy is null) continue;
                if (copy is null) copy = new StringBuilder(value, 0, i, value.Length);
                copy.Append(ok ? c : '\uFFFD');
            }
            return copy?.ToString() ?? value;
        }
    }
}
