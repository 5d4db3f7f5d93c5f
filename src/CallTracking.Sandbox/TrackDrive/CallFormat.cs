using System;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CallTracking.Sandbox.TrackDrive
{
    /// <summary>Writes one call as JSON (straight into a Utf8JsonWriter, no allocation) or as a CSV row.</summary>
    internal static class CallFormat
    {
        private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
        private static readonly JsonEncodedText InProgressName = JsonEncodedText.Encode("in_progress");
        private static readonly JsonEncodedText InterestName = JsonEncodedText.Encode("interest");
        private static readonly JsonEncodedText ZipName = JsonEncodedText.Encode("zip");
        private static readonly JsonEncodedText SubIdName = JsonEncodedText.Encode("sub_id");
        private static readonly JsonEncodedText[] ColumnNames = Encode(TrackDriveSeedLists.CallColumns);
        private static readonly byte[] RecordingPrefix = Encoding.ASCII.GetBytes("https://recordings.sandbox.trackdrive.invalid/");
        private static readonly byte[] RecordingSuffix = Encoding.ASCII.GetBytes(".mp3");

        /// <summary>Column names in output order: id, the seed's columns (or the selected ones), in_progress when unrestricted.</summary>
        public static string[] Header(bool[]? selected)
        {
            var names = new System.Collections.Generic.List<string> { "id" };
            for (var i = 0; i < TrackDriveSeedLists.CallColumns.Length; i++)
                if (selected is null || selected[i]) names.Add(TrackDriveSeedLists.CallColumns[i]);
            if (selected is null) names.Add("in_progress");
            return names.ToArray();
        }

        public static void WriteJson(Utf8JsonWriter w, in CallData c, bool[]? selected)
        {
            w.WriteStartObject();
            w.WriteNumber(IdName, c.Id);
            for (var col = 0; col < ColumnNames.Length; col++)
                if (selected is null || selected[col]) WriteColumn(w, col, c);
            if (selected is null) w.WriteBoolean(InProgressName, c.InProgress);
            w.WriteEndObject();
        }

        private static void WriteColumn(Utf8JsonWriter w, int col, in CallData c)
        {
            var name = ColumnNames[col];
            Span<byte> buf = stackalloc byte[96];
            switch (col)
            {
                case 0: // uuid
                    CallGenerator.FormatUuid(c.UuidHi, c.UuidLo, buf);
                    Raw(w, name, buf.Slice(0, 36));
                    break;
                case 1: // recording_url
                    if (!c.HasRecording) { w.WriteNull(name); break; }
                    RecordingPrefix.CopyTo(buf);
                    CallGenerator.FormatUuid(c.UuidHi, c.UuidLo, buf.Slice(RecordingPrefix.Length));
                    RecordingSuffix.CopyTo(buf.Slice(RecordingPrefix.Length + 36));
                    Raw(w, name, buf.Slice(0, RecordingPrefix.Length + 36 + RecordingSuffix.Length));
                    break;
                case 2: Raw(w, name, c.NumberE164); break; // number_called
                case 3: // connected_to
                    if (c.Buyer < 0) w.WriteNull(name);
                    else Raw(w, name, TrackDriveCatalog.Buyers[c.Buyer].PhoneUtf8);
                    break;
                case 4: Raw(w, name, buf.Slice(0, FormatPhone(c.CallerNumber, buf))); break; // caller_number
                case 5: Raw(w, name, TrackDriveCatalog.Offers[c.Offer].Utf8); break;
                case 6: Raw(w, name, TrackDriveCatalog.TrafficSources[c.TrafficSource].Utf8); break;
                case 7:
                    if (c.Buyer < 0) w.WriteNull(name);
                    else Raw(w, name, TrackDriveCatalog.Buyers[c.Buyer].Utf8);
                    break;
                case 8: Raw(w, name, buf.Slice(0, FormatObfuscated(c.CallerNumber, buf))); break;
                case 9: Raw(w, name, TrackDriveCatalog.Cities[c.City].NameUtf8); break;
                case 10: Raw(w, name, TrackDriveCatalog.Cities[c.City].CountryUtf8); break;
                case 11: // token_values
                    w.WriteStartObject(name);
                    Raw(w, InterestName, TrackDriveCatalog.InterestsUtf8[c.Interest]);
                    Raw(w, ZipName, TrackDriveCatalog.Cities[c.City].PostalUtf8);
                    if (c.SubId >= 0) Raw(w, SubIdName, TrackDriveCatalog.SubIdsUtf8[c.SubId]);
                    w.WriteEndObject();
                    break;
                case 12: w.WriteNumber(name, c.TotalDuration); break;
                case 13: w.WriteNumber(name, c.HoldDuration); break;
                case 14: w.WriteNumber(name, c.IvrDuration); break;
                case 15: w.WriteNumber(name, c.AnsweredDuration); break;
                case 16: w.WriteNumber(name, TrackDriveCatalog.Offers[c.Offer].Id); break;
                case 17: w.WriteNumber(name, TrackDriveCatalog.TrafficSources[c.TrafficSource].Id); break;
                case 18:
                    if (c.Buyer < 0) w.WriteNull(name);
                    else w.WriteNumber(name, TrackDriveCatalog.Buyers[c.Buyer].Id);
                    break;
                case 19:
                    if (c.SubId < 0) w.WriteNull(name);
                    else Raw(w, name, TrackDriveCatalog.SubIdsUtf8[c.SubId]);
                    break;
                case 20:
                    if (c.RingPoolId == 0) w.WriteNull(name);
                    else w.WriteNumber(name, c.RingPoolId);
                    break;
                case 21: Raw(w, name, TrackDriveCatalog.StatusesUtf8[c.Status]); break;
                case 22: w.WriteBoolean(name, c.BuyerConverted); break;
                case 23: w.WriteBoolean(name, c.BuyerRepeat); break;
                case 24: RawMoney(w, name, c.BuyerRevenue, 2, buf); break;
                case 25: w.WriteBoolean(name, c.TsConverted); break;
                case 26: w.WriteBoolean(name, c.TsRepeat); break;
                case 27: RawMoney(w, name, c.TsPayout, 2, buf); break;
                case 28: RawMoney(w, name, c.TdCost, 4, buf); break;
                case 29: RawMoney(w, name, c.ProviderCost, 4, buf); break;
                case 30:
                    if (c.HangupReason < 0) w.WriteNull(name);
                    else Raw(w, name, TrackDriveCatalog.HangupReasonsUtf8[c.HangupReason]);
                    break;
                case 31: Raw(w, name, buf.Slice(0, FormatSid(c.SidHi, c.SidLo, buf))); break;
                case 32: Raw(w, name, TrackDriveCatalog.ProvidersUtf8[c.Provider]); break;
                case 33: w.WriteNumber(name, c.Webhooks); break;
                case 34: Raw(w, name, buf.Slice(0, FormatIso(c.CreatedTicks, buf))); break;
                case 35:
                    if (c.EndedTicks < 0) w.WriteNull(name);
                    else Raw(w, name, buf.Slice(0, FormatIso(c.EndedTicks, buf)));
                    break;
            }
        }

        /// <summary>Writes a string the sandbox generated itself (ASCII/UTF-8 without quotes, backslashes or control
        /// characters) as a raw JSON value: no escaping pass, which is most of the cost of a call otherwise.</summary>
        private static void Raw(Utf8JsonWriter w, JsonEncodedText name, ReadOnlySpan<byte> value)
        {
            Span<byte> quoted = stackalloc byte[value.Length + 2];
            quoted[0] = (byte)'"';
            value.CopyTo(quoted.Slice(1));
            quoted[quoted.Length - 1] = (byte)'"';
            w.WritePropertyName(name);
            w.WriteRawValue(quoted, skipInputValidation: true);
        }

        /// <summary>CSV cells for the header's columns.</summary>
        public static void AppendCsvRow(StringBuilder sb, in CallData c, bool[]? selected)
        {
            sb.Append(c.Id.ToString(CultureInfo.InvariantCulture));
            for (var col = 0; col < ColumnNames.Length; col++)
            {
                if (selected != null && !selected[col]) continue;
                sb.Append(',');
                Csv.Append(sb, CsvValue(col, c));
            }
            if (selected is null) sb.Append(',').Append(c.InProgress ? "true" : "false");
            sb.Append("\r\n");
        }

        private static string? CsvValue(int col, in CallData c)
        {
            Span<byte> buf = stackalloc byte[96];
            string Ascii(Span<byte> b, int n) => Encoding.ASCII.GetString(b.Slice(0, n).ToArray());
            var inv = CultureInfo.InvariantCulture;
            switch (col)
            {
                case 0: return CallGenerator.UuidString(c.UuidHi, c.UuidLo);
                case 1: return c.HasRecording ? Encoding.ASCII.GetString(RecordingPrefix) + CallGenerator.UuidString(c.UuidHi, c.UuidLo) + ".mp3" : null;
                case 2: return Encoding.ASCII.GetString(c.NumberE164);
                case 3: return c.Buyer < 0 ? null : "+" + TrackDriveCatalog.Buyers[c.Buyer].Phone.ToString(inv);
                case 4: return Ascii(buf, FormatPhone(c.CallerNumber, buf));
                case 5: return TrackDriveCatalog.Offers[c.Offer].Name;
                case 6: return TrackDriveCatalog.TrafficSources[c.TrafficSource].Name;
                case 7: return c.Buyer < 0 ? null : TrackDriveCatalog.Buyers[c.Buyer].Name;
                case 8: return Ascii(buf, FormatObfuscated(c.CallerNumber, buf));
                case 9: return TrackDriveCatalog.Cities[c.City].Name;
                case 10: return TrackDriveCatalog.Cities[c.City].Country;
                case 11:
                    return "interest:" + TrackDriveCatalog.Interests[c.Interest] + ";zip:" + TrackDriveCatalog.Cities[c.City].Postal
                           + (c.SubId >= 0 ? ";sub_id:" + TrackDriveCatalog.SubIds[c.SubId] : "");
                case 12: return c.TotalDuration.ToString(inv);
                case 13: return c.HoldDuration.ToString(inv);
                case 14: return c.IvrDuration.ToString(inv);
                case 15: return c.AnsweredDuration.ToString(inv);
                case 16: return TrackDriveCatalog.Offers[c.Offer].Id.ToString(inv);
                case 17: return TrackDriveCatalog.TrafficSources[c.TrafficSource].Id.ToString(inv);
                case 18: return c.Buyer < 0 ? null : TrackDriveCatalog.Buyers[c.Buyer].Id.ToString(inv);
                case 19: return c.SubId < 0 ? null : TrackDriveCatalog.SubIds[c.SubId];
                case 20: return c.RingPoolId == 0 ? null : c.RingPoolId.ToString(inv);
                case 21: return TrackDriveSeedLists.CallStatuses[c.Status];
                case 22: return Bool(c.BuyerConverted);
                case 23: return Bool(c.BuyerRepeat);
                case 24: return Money(c.BuyerRevenue, 2).ToString(inv);
                case 25: return Bool(c.TsConverted);
                case 26: return Bool(c.TsRepeat);
                case 27: return Money(c.TsPayout, 2).ToString(inv);
                case 28: return Money(c.TdCost, 4).ToString(inv);
                case 29: return Money(c.ProviderCost, 4).ToString(inv);
                case 30: return c.HangupReason < 0 ? null : TrackDriveCatalog.HangupReasons[c.HangupReason];
                case 31: return Ascii(buf, FormatSid(c.SidHi, c.SidLo, buf));
                case 32: return TrackDriveCatalog.Providers[c.Provider];
                case 33: return c.Webhooks.ToString(inv);
                case 34: return Ascii(buf, FormatIso(c.CreatedTicks, buf));
                case 35: return c.EndedTicks < 0 ? null : Ascii(buf, FormatIso(c.EndedTicks, buf));
                default: return null;
            }
        }

        private static string Bool(bool b) => b ? "true" : "false";

        /// <summary>A JSON number with exactly <paramref name="scale"/> decimals, formatted without decimal arithmetic.</summary>
        private static void RawMoney(Utf8JsonWriter w, JsonEncodedText name, long units, int scale, Span<byte> buf)
        {
            var n = 0;
            if (units < 0) { buf[n++] = (byte)'-'; units = -units; }
            long divisor = scale == 2 ? 100 : 10_000;
            n += FormatDigits(units / divisor, buf.Slice(n));
            buf[n++] = (byte)'.';
            var fraction = units % divisor;
            for (var i = scale - 1; i >= 0; i--)
            {
                buf[n + i] = (byte)('0' + fraction % 10);
                fraction /= 10;
            }
            n += scale;
            w.WritePropertyName(name);
            w.WriteRawValue(buf.Slice(0, n), skipInputValidation: true);
        }

        /// <summary>Integer units with a fixed scale (2 → 12.50, 4 → 0.0150); decimal keeps the trailing zeros.</summary>
        public static decimal Money(long units, byte scale)
        {
            var abs = (ulong)Math.Abs(units);
            return new decimal((int)(uint)abs, (int)(uint)(abs >> 32), 0, units < 0, scale);
        }

        /// <summary>"+" then the digits.</summary>
        public static int FormatPhone(long digits, Span<byte> dst)
        {
            dst[0] = (byte)'+';
            return 1 + FormatDigits(digits, dst.Slice(1));
        }

        /// <summary>"+1512***4567": country code and area code, masked exchange, last four digits.</summary>
        private static int FormatObfuscated(long digits, Span<byte> dst)
        {
            var n = FormatPhone(digits, dst);
            for (var i = n - 7; i < n - 4; i++) dst[i] = (byte)'*';
            return n;
        }

        private static int FormatDigits(long value, Span<byte> dst)
        {
            Span<byte> tmp = stackalloc byte[20];
            var n = 0;
            do { tmp[n++] = (byte)('0' + value % 10); value /= 10; } while (value > 0);
            for (var i = 0; i < n; i++) dst[i] = tmp[n - 1 - i];
            return n;
        }

        /// <summary>"CA" + 32 hex digits, like a Twilio call SID.</summary>
        private static int FormatSid(ulong hi, ulong lo, Span<byte> dst)
        {
            dst[0] = (byte)'C';
            dst[1] = (byte)'A';
            CallGenerator.Hex(hi, 16, dst.Slice(2));
            CallGenerator.Hex(lo, 16, dst.Slice(18));
            return 34;
        }

        /// <summary>Contract date: ISO 8601 with milliseconds and offset, always UTC: 2016-01-01T17:25:15.000+00:00.</summary>
        public static int FormatIso(long utcTicks, Span<byte> dst)
        {
            var d = new DateTime(utcTicks, DateTimeKind.Utc);
            Put(dst, 0, d.Year, 4);
            dst[4] = (byte)'-';
            Put(dst, 5, d.Month, 2);
            dst[7] = (byte)'-';
            Put(dst, 8, d.Day, 2);
            dst[10] = (byte)'T';
            Put(dst, 11, d.Hour, 2);
            dst[13] = (byte)':';
            Put(dst, 14, d.Minute, 2);
            dst[16] = (byte)':';
            Put(dst, 17, d.Second, 2);
            dst[19] = (byte)'.';
            Put(dst, 20, d.Millisecond, 3);
            dst[23] = (byte)'+';
            dst[24] = (byte)'0';
            dst[25] = (byte)'0';
            dst[26] = (byte)':';
            dst[27] = (byte)'0';
            dst[28] = (byte)'0';
            return 29;
        }

        public static string IsoString(DateTimeOffset value)
        {
            Span<byte> buf = stackalloc byte[29];
            FormatIso(value.UtcTicks, buf);
            return Encoding.ASCII.GetString(buf.ToArray());
        }

        private static void Put(Span<byte> dst, int at, int value, int width)
        {
            for (var i = width - 1; i >= 0; i--)
            {
                dst[at + i] = (byte)('0' + value % 10);
                value /= 10;
            }
        }

        private static JsonEncodedText[] Encode(string[] names)
        {
            var result = new JsonEncodedText[names.Length];
            for (var i = 0; i < names.Length; i++) result[i] = JsonEncodedText.Encode(names[i]);
            return result;
        }
    }

    /// <summary>RFC 4180 cells: quoted when they hold a comma, quote or line break; null is an empty cell.</summary>
    internal static class Csv
    {
        public static void Append(StringBuilder sb, string? value)
        {
            if (value is null) return;
            if (value.IndexOfAny(new[] { ',', '"', '\r', '\n' }) < 0)
            {
                sb.Append(value);
                return;
            }
            sb.Append('"').Append(value.Replace("\"", "\"\"")).Append('"');
        }

        public static void AppendRow(StringBuilder sb, params string?[] cells)
        {
            for (var i = 0; i < cells.Length; i++)
            {
                if (i > 0) sb.Append(',');
                Append(sb, cells[i]);
            }
            sb.Append("\r\n");
        }
    }
}
