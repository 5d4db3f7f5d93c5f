using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Xml;
using CallTracking.Sandbox.Http;

namespace CallTracking.Sandbox.Avanser
{
    /// <summary>The data feed [seed]: the seed example's fields in its order, written as JSON, CSV or XML from the same rows.</summary>
    internal static class AvanserFeed
    {
        public static List<(string Name, object? Value)> Row(AvanserCall c, AvanserOptions o, Uri webApiBase)
        {
            var z = o.TimeZoneOffset;
            var inv = CultureInfo.InvariantCulture;
            var row = new List<(string, object?)>
            {
                ("call_audio_url", c.HasAudio ? webApiBase + "?action=getAudio&call_id=" + c.Id.ToString(inv) : ""),
                ("call_connection_duration", (long)c.ConnectionDuration),
                ("call_direction", "call-in"),
                ("call_duration", (long)c.Duration),
                ("call_end_time", AvanserCalls.Local(c.End, z)),
                ("call_has_audio", c.HasAudio ? 1L : 0L),
                ("call_id", c.Id),
                ("call_is_artic", 0L),
                ("call_local_time", AvanserCalls.Local(c.Start, z)),
            };
            for (var p = 1; p <= 9; p++)
                row.Add(("call_param_" + p.ToString("D2", inv), p <= 7 ? (object)long.Parse(c.Params[p - 1], inv) : c.Params[p - 1]));
            row.AddRange(new (string, object?)[]
            {
                ("call_start_time", AvanserCalls.Local(c.Start, z)),
                ("call_status", c.StatusName),
                ("call_status_code", (long)c.StatusCode),
                ("call_talk_duration", (long)c.TalkDuration),
                ("call_timezone", o.TimeZoneName),
                ("call_tz_end_time", AvanserCalls.Tz(c.End, z)),
                ("call_tz_start_time", AvanserCalls.Tz(c.Start, z)),
                ("call_u_end_time", c.End.ToUnixTimeSeconds()),
                ("call_u_start_time", c.UnixStart),
                ("call_unique_id", c.UniqueId),
                ("caller_country", c.CallerCountry),
                ("caller_location", c.CallerLocation),
                ("caller_number", c.CallerNumber),
                ("caller_state", c.CallerState),
                ("client_id", long.TryParse(o.ClientId, NumberStyles.None, inv, out var cid) ? (object)cid : o.ClientId),
                ("custom_group", c.CustomGroup),
                ("custom_id", c.CustomId),
                ("private_reference", null),
                ("target_name", c.TargetName),
                ("target_number", c.TargetNumber),
                ("tracking_master_id", 0L),
                ("tracking_name", c.TrackingName),
                ("tracking_notes", ""),
                ("tracking_number", c.TrackingNumber),
                ("tracking_wpc_id", 0L),
            });
            return row;
        }

        public static byte[] Json(List<List<(string Name, object? Value)>> rows)
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer, SandboxHttpResponse.WriterOptions))
            {
                w.WriteStartArray();
                foreach (var row in rows)
                {
                    w.WriteStartObject();
                    foreach (var (name, value) in row)
                    {
                        if (value is null) w.WriteNull(name);
                        else if (value is long l) w.WriteNumber(name, l);
                        else w.WriteString(name, (string)value);
                    }
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            return buffer.ToArray();
        }

        public static byte[] Csv(List<List<(string Name, object? Value)>> rows)
        {
            var sb = new StringBuilder();
            var header = rows.Count > 0 ? rows[0] : Row(EmptyCall, new AvanserOptions(), new Uri("https://sandbox.avanser.invalid/JSON"));
            sb.Append(string.Join(",", header.ConvertAll(f => f.Name))).Append("\r\n");
            foreach (var row in rows)
            {
                for (var i = 0; i < row.Count; i++)
                {
                    if (i > 0) sb.Append(',');
                    sb.Append(Quote(Text(row[i].Value)));
                }
                sb.Append("\r\n");
            }
            return Encoding.UTF8.GetBytes(sb.ToString());
        }

        public static byte[] Xml(List<List<(string Name, object? Value)>> rows)
        {
            using var buffer = new MemoryStream();
            using (var w = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
            {
                w.WriteStartDocument();
                w.WriteStartElement("calls");
                foreach (var row in rows)
                {
                    w.WriteStartElement("call");
                    foreach (var (name, value) in row)
                    {
                        w.WriteStartElement(name);
                        if (value is null) w.WriteAttributeString("nil", "true");
                        else w.WriteString(Text(value));
                        w.WriteEndElement();
                    }
                    w.WriteEndElement();
                }
                w.WriteEndElement();
                w.WriteEndDocument();
            }
            return buffer.ToArray();
        }

        private static readonly AvanserCall EmptyCall = new AvanserCall { Params = new[] { "0", "0", "0", "0", "0", "0", "0", "", "" } };

        private static string Text(object? value) => value switch
        {
            null => "",
            long l => l.ToString(CultureInfo.InvariantCulture),
            _ => (string)value,
        };

        private static string Quote(string s) =>
            s.IndexOfAny(new[] { ',', '"', '\r', '\n' }) < 0 ? s : "\"" + s.Replace("\"", "\"\"") + "\"";
    }
}
