#nullable enable
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace CallTracking.Bench
{
    /// <summary>
    /// The bare baseline: one HttpClient, the same cursor walk as the core (cursor=-1 → metadata.next_cursor → 0, same
    /// per_page, auth_token query parameter), each page read into a reused buffer and parsed with Utf8JsonReader into a
    /// typed object. It reads every property value in its natural type (strings as strings, numbers, booleans, dates,
    /// token_values key/value pairs), so it does the same work a hand-written efficient client would — not a token skipper.
    /// Self-contained (framework types only) and public, so bench/pwsh-leg.ps1 compiles this file with Add-Type and
    /// runs the same loop inside pwsh.
    /// </summary>
    public sealed class BaselineClient : IDisposable
    {
        private readonly HttpClient _http;
        private readonly Uri _base;
        private readonly string _token;
        private byte[] _buffer = new byte[256 * 1024];

        public BaselineClient(Uri trackDriveBase, string token)
        {
            _base = trackDriveBase;
            _token = token;
            _http = new HttpClient(new SocketsHttpHandler()) { Timeout = TimeSpan.FromSeconds(100) };
        }

        public void Dispose() => _http.Dispose();

        /// <summary>For the pwsh leg: streams up to <paramref name="limit"/> calls and returns their count and an
        /// order-sensitive checksum of their ids (<see cref="MixId"/>), blocking the caller.</summary>
        public long[] CountAll(long limit, int perPage)
        {
            long n = 0;
            ulong h = 0;
            StreamAsync(limit, perPage, c =>
            {
                n++;
                h = MixId(h, c.Id);
            }, CancellationToken.None).GetAwaiter().GetResult();
            return new[] { n, unchecked((long)h) };
        }

        /// <summary>The checksum of ids in order, for comparing another stream's ids with <see cref="CountAll"/>'s.</summary>
        public static long Checksum(long[] ids)
        {
            ulong h = 0;
            foreach (var id in ids) h = MixId(h, id);
            return unchecked((long)h);
        }

        /// <summary>Order-sensitive mix of ids: same ids in the same order, same checksum (the C# bench's Child.Mix).</summary>
        public static ulong MixId(ulong h, long id)
        {
            h ^= (ulong)id * 0x9E3779B97F4A7C15UL;
            h = ((h << 27) | (h >> 37)) * 0x94D049BB133111EBUL;
            return h;
        }

        /// <summary>Fetches pages until <paramref name="limit"/> records or next_cursor 0; calls <paramref name="onRecord"/> per call.</summary>
        public async Task<long> StreamAsync(long limit, int perPage, Action<BaselineCall> onRecord, CancellationToken ct)
        {
            long received = 0;
            long cursor = -1;
            while (received < limit)
            {
                var length = await FetchAsync(cursor, perPage, ct).ConfigureAwait(false);
                var next = ParsePage(new ReadOnlySpan<byte>(_buffer, 0, length), limit - received, onRecord, out var count);
                received += count;
                if (count == 0 || next is null || next.Value == 0) break;
                cursor = next.Value;
            }
            return received;
        }

        /// <summary>One GET into the reused buffer; returns the body length.</summary>
        public async Task<int> FetchAsync(long cursor, int perPage, CancellationToken ct)
        {
            var uri = new Uri(_base, "calls?cursor=" + cursor.ToString(CultureInfo.InvariantCulture) + "&per_page=" + perPage.ToString(CultureInfo.InvariantCulture) + "&auth_token=" + Uri.EscapeDataString(_token));
            using var response = await _http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException("Baseline GET failed with HTTP " + (int)response.StatusCode);
            using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            var length = 0;
            while (true)
            {
                if (length == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
                var n = await stream.ReadAsync(_buffer.AsMemory(length), ct).ConfigureAwait(false);
                if (n == 0) break;
                length += n;
            }
            return length;
        }

        /// <summary>Byte[] of the last fetched body (for the core-parser experiment).</summary>
        public byte[] CopyBody(int length) => _buffer.AsSpan(0, length).ToArray();

        /// <summary>The last fetched body, in the reused buffer (valid until the next fetch).</summary>
        public ReadOnlySpan<byte> Body(int length) => new ReadOnlySpan<byte>(_buffer, 0, length);

        /// <summary>Only finds metadata.next_cursor (for the fetch-only experiment): skips the calls array.</summary>
        public static long? NextCursorOnly(ReadOnlySpan<byte> body, out int count)
        {
            count = 0;
            var reader = new Utf8JsonReader(body);
            long? next = null;
            reader.Read();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var isCalls = reader.ValueTextEquals("calls"u8);
                var isMeta = reader.ValueTextEquals("metadata"u8);
                reader.Read();
                if (isCalls && reader.TokenType == JsonTokenType.StartArray)
                {
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) { count++; reader.Skip(); }
                }
                else if (isMeta && reader.TokenType == JsonTokenType.StartObject)
                {
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                    {
                        var isNext = reader.ValueTextEquals("next_cursor"u8);
                        reader.Read();
                        if (isNext && reader.TokenType == JsonTokenType.Number) next = reader.GetInt64();
                        else reader.Skip();
                    }
                }
                else reader.Skip();
            }
            return next;
        }

        private static long? ParsePage(ReadOnlySpan<byte> body, long max, Action<BaselineCall> onRecord, out int count)
        {
            count = 0;
            var reader = new Utf8JsonReader(body);
            long? next = null;
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("Baseline: the reply is not an object.");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var isCalls = reader.ValueTextEquals("calls"u8);
                var isMeta = reader.ValueTextEquals("metadata"u8);
                reader.Read();
                if (isCalls && reader.TokenType == JsonTokenType.StartArray)
                {
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        var call = ReadCall(ref reader);
                        if (count < max)
                        {
                            count++;
                            onRecord(call);
                        }
                    }
                }
                else if (isMeta && reader.TokenType == JsonTokenType.StartObject)
                {
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                    {
                        var isNext = reader.ValueTextEquals("next_cursor"u8);
                        reader.Read();
                        if (isNext && reader.TokenType == JsonTokenType.Number) next = reader.GetInt64();
                        else ReadScalarOrSkip(ref reader);
                    }
                }
                else ReadScalarOrSkip(ref reader);
            }
            return next;
        }

        // Property names of a call, in the order the wire contract lists them (the usual order on the wire: tried first).
        private static readonly byte[][] Names =
        {
            "id"u8.ToArray(), "uuid"u8.ToArray(), "recording_url"u8.ToArray(), "number_called"u8.ToArray(), "connected_to"u8.ToArray(),
            "caller_number"u8.ToArray(), "offer"u8.ToArray(), "traffic_source"u8.ToArray(), "buyer"u8.ToArray(),
            "obfuscated_caller_number"u8.ToArray(), "caller_city"u8.ToArray(), "caller_country"u8.ToArray(), "token_values"u8.ToArray(),
            "total_duration"u8.ToArray(), "hold_duration"u8.ToArray(), "ivr_duration"u8.ToArray(), "answered_duration"u8.ToArray(),
            "user_offer_id"u8.ToArray(), "user_traffic_source_id"u8.ToArray(), "user_buyer_id"u8.ToArray(), "sub_id"u8.ToArray(),
            "ring_pool_id"u8.ToArray(), "status"u8.ToArray(), "in_progress"u8.ToArray(), "buyer_converted"u8.ToArray(),
            "buyer_repeat_caller"u8.ToArray(), "traffic_source_converted"u8.ToArray(), "traffic_source_repeat_caller"u8.ToArray(),
            "buyer_revenue"u8.ToArray(), "traffic_source_payout"u8.ToArray(), "trackdrive_cost"u8.ToArray(), "provider_cost"u8.ToArray(),
            "hangup_reason"u8.ToArray(), "call_sid"u8.ToArray(), "provider"u8.ToArray(), "outgoing_webhooks_count"u8.ToArray(),
            "created_at"u8.ToArray(), "ended_at"u8.ToArray(),
        };

        private static int FieldOf(ref Utf8JsonReader reader, ref int hint)
        {
            if (hint < Names.Length && reader.ValueTextEquals(Names[hint])) return hint++;
            for (var i = 0; i < Names.Length; i++)
            {
                if (reader.ValueTextEquals(Names[i]))
                {
                    hint = i + 1;
                    return i;
                }
            }
            return -1;
        }

        private static BaselineCall ReadCall(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("Baseline: a call is not an object.");
            var c = new BaselineCall();
            var hint = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var field = FieldOf(ref reader, ref hint);
                var unknown = field < 0 ? reader.GetString() : null;
                reader.Read();
                switch (field)
                {
                    case 0: c.Id = reader.TokenType == JsonTokenType.Number ? reader.GetInt64() : long.Parse(reader.GetString()!, CultureInfo.InvariantCulture); break;
                    case 1: c.Uuid = Str(ref reader); break;
                    case 2: c.RecordingUrl = Str(ref reader); break;
                    case 3: c.NumberCalled = Str(ref reader); break;
                    case 4: c.ConnectedTo = Str(ref reader); break;
                    case 5: c.CallerNumber = Str(ref reader); break;
                    case 6: c.Offer = Str(ref reader); break;
                    case 7: c.TrafficSource = Str(ref reader); break;
                    case 8: c.Buyer = Str(ref reader); break;
                    case 9: c.ObfuscatedCallerNumber = Str(ref reader); break;
                    case 10: c.CallerCity = Str(ref reader); break;
                    case 11: c.CallerCountry = Str(ref reader); break;
                    case 12: c.TokenValues = Tokens(ref reader); break;
                    case 13: c.TotalDuration = Int(ref reader); break;
                    case 14: c.HoldDuration = Int(ref reader); break;
                    case 15: c.IvrDuration = Int(ref reader); break;
                    case 16: c.AnsweredDuration = Int(ref reader); break;
                    case 17: c.UserOfferId = Int(ref reader); break;
                    case 18: c.UserTrafficSourceId = Int(ref reader); break;
                    case 19: c.UserBuyerId = Int(ref reader); break;
                    case 20: c.SubId = Str(ref reader); break;
                    case 21: c.RingPoolId = Int(ref reader); break;
                    case 22: c.Status = Str(ref reader); break;
                    case 23: c.InProgress = Bool(ref reader); break;
                    case 24: c.BuyerConverted = Bool(ref reader); break;
                    case 25: c.BuyerRepeatCaller = Bool(ref reader); break;
                    case 26: c.TrafficSourceConverted = Bool(ref reader); break;
                    case 27: c.TrafficSourceRepeatCaller = Bool(ref reader); break;
                    case 28: c.BuyerRevenue = Dec(ref reader); break;
                    case 29: c.TrafficSourcePayout = Dec(ref reader); break;
                    case 30: c.TrackDriveCost = Dec(ref reader); break;
                    case 31: c.ProviderCost = Dec(ref reader); break;
                    case 32: c.HangupReason = Str(ref reader); break;
                    case 33: c.CallSid = Str(ref reader); break;
                    case 34: c.Provider = Str(ref reader); break;
                    case 35: c.OutgoingWebhooksCount = Int(ref reader); break;
                    case 36: c.CreatedAt = Date(ref reader); break;
                    case 37: c.EndedAt = Date(ref reader); break;
                    default:
                        c.Other ??= new Dictionary<string, object?>(StringComparer.Ordinal);
                        c.Other[unknown!] = ReadScalarOrSkip(ref reader);
                        break;
                }
            }
            return c;
        }

        private static string? Str(ref Utf8JsonReader r)
            => r.TokenType == JsonTokenType.Null ? null : r.TokenType == JsonTokenType.String ? r.GetString() : ReadScalarOrSkip(ref r)?.ToString();

        private static long? Int(ref Utf8JsonReader r)
        {
            if (r.TokenType == JsonTokenType.Number && r.TryGetInt64(out var v)) return v;
            if (r.TokenType != JsonTokenType.Null) ReadScalarOrSkip(ref r);
            return null;
        }

        private static decimal? Dec(ref Utf8JsonReader r)
        {
            if (r.TokenType == JsonTokenType.Number && r.TryGetDecimal(out var v)) return v;
            if (r.TokenType != JsonTokenType.Null) ReadScalarOrSkip(ref r);
            return null;
        }

        private static bool? Bool(ref Utf8JsonReader r)
            => r.TokenType == JsonTokenType.True ? true : r.TokenType == JsonTokenType.False ? false : (bool?)null;

        private static DateTimeOffset? Date(ref Utf8JsonReader r)
        {
            if (r.TokenType == JsonTokenType.String && r.TryGetDateTimeOffset(out var d)) return d;
            if (r.TokenType == JsonTokenType.String)
                return DateTimeOffset.TryParse(r.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out d) ? d : (DateTimeOffset?)null;
            return null;
        }

        private static Dictionary<string, string?>? Tokens(ref Utf8JsonReader r)
        {
            if (r.TokenType != JsonTokenType.StartObject)
            {
                ReadScalarOrSkip(ref r);
                return null;
            }
            var d = new Dictionary<string, string?>(StringComparer.Ordinal);
            while (r.Read() && r.TokenType != JsonTokenType.EndObject)
            {
                var key = r.GetString()!;
                r.Read();
                d[key] = Str(ref r);
            }
            return d;
        }

        /// <summary>Reads any scalar value (so every value is read); a nested array/object is walked token by token.</summary>
        private static object? ReadScalarOrSkip(ref Utf8JsonReader r)
        {
            switch (r.TokenType)
            {
                case JsonTokenType.String: return r.GetString();
                case JsonTokenType.Number: return r.TryGetInt64(out var l) ? l : r.GetDecimal();
                case JsonTokenType.True: return true;
                case JsonTokenType.False: return false;
                case JsonTokenType.Null: return null;
                default: r.Skip(); return null;
            }
        }
    }

    /// <summary>What the baseline materialises per call (every field of the wire contract, typed).</summary>
    public sealed class BaselineCall
    {
        public long Id;
        public string? Uuid, RecordingUrl, NumberCalled, ConnectedTo, CallerNumber, Offer, TrafficSource, Buyer, ObfuscatedCallerNumber,
            CallerCity, CallerCountry, SubId, Status, HangupReason, CallSid, Provider;
        public Dictionary<string, string?>? TokenValues;
        public long? TotalDuration, HoldDuration, IvrDuration, AnsweredDuration, UserOfferId, UserTrafficSourceId, UserBuyerId, RingPoolId, OutgoingWebhooksCount;
        public bool? InProgress, BuyerConverted, BuyerRepeatCaller, TrafficSourceConverted, TrafficSourceRepeatCaller;
        public decimal? BuyerRevenue, TrafficSourcePayout, TrackDriveCost, ProviderCost;
        public DateTimeOffset? CreatedAt, EndedAt;
        public Dictionary<string, object?>? Other;
    }
}
