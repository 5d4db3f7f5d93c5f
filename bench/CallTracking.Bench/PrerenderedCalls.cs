using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using CallTracking.Sandbox;
using CallTracking.Sandbox.TrackDrive;

namespace CallTracking.Bench
{
    /// <summary>
    /// N TrackDrive calls rendered once by the sandbox's TrackDrive emulator (fetched in-process, 1,000 a page) and kept
    /// as one UTF-8 buffer of comma-separated call objects, so any page (cursor, per_page) is a slice of it between a
    /// fixed prefix and a small metadata suffix.
    /// </summary>
    internal sealed class PrerenderedCalls
    {
        public const string Token = "sandbox-token";

        private readonly byte[] _buffer;
        private readonly int[] _start;
        private readonly int[] _end;

        private PrerenderedCalls(byte[] buffer, int[] start, int[] end)
        {
            _buffer = buffer;
            _start = start;
            _end = end;
        }

        public int Count => _start.Length;
        public long Bytes => _buffer.Length;

        public static PrerenderedCalls Render(int count, int seed = 42)
        {
            if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "Render at least one call.");
            var options = new SandboxOptions { Seed = seed }.Use(new TrackDriveOptions { CallCount = count, AuthToken = Token });
            using var sandbox = new CallTrackingSandbox(options);
            using var http = new HttpClient(sandbox.CreateHandler());
            var baseUri = sandbox.TrackDriveBaseUri();

            using var all = new MemoryStream();
            var start = new List<int>(count);
            var end = new List<int>(count);
            long cursor = -1;
            while (true)
            {
                var page = http.GetByteArrayAsync(new Uri(baseUri, "calls?per_page=1000&cursor=" + cursor.ToString(CultureInfo.InvariantCulture) + "&auth_token=" + Token)).GetAwaiter().GetResult();
                var next = Split(page, all, start, end);
                if (next == 0) break;
                cursor = next;
            }
            if (start.Count != count) throw new InvalidOperationException("The sandbox rendered " + start.Count + " calls, expected " + count + ".");
            return new PrerenderedCalls(all.ToArray(), start.ToArray(), end.ToArray());
        }

        /// <summary>Copies each call object of the page into <paramref name="all"/> (comma-separated); returns next_cursor.</summary>
        private static long Split(byte[] page, MemoryStream all, List<int> start, List<int> end)
        {
            var reader = new Utf8JsonReader(page);
            long next = 0;
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "calls")
                {
                    while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                    {
                        var from = (int)reader.TokenStartIndex;
                        reader.Skip();
                        var to = (int)reader.BytesConsumed;
                        if (all.Length > 0) all.WriteByte((byte)',');
                        start.Add((int)all.Length);
                        all.Write(page, from, to - from);
                        end.Add((int)all.Length);
                    }
                }
                else if (name == "metadata")
                {
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var key = reader.GetString();
                        reader.Read();
                        if (key == "next_cursor") next = reader.GetInt64();
                        else reader.Skip();
                    }
                }
                else reader.Skip();
            }
            return next;
        }

        /// <summary>The page the sandbox would serve for (cursor, per_page): cursor -1 = first page, else the 1-based
        /// position of its first call; next_cursor 0 on the last page.</summary>
        public bool TryPage(long cursor, int perPage, out ArraySegment<byte> calls, out int records, out byte[] metadataSuffix)
        {
            calls = default;
            records = 0;
            metadataSuffix = Array.Empty<byte>();
            if (perPage < 1 || perPage > 1000) return false;
            long first = cursor == -1 ? 0 : cursor - 1;
            if (first < 0 || first > Count) return false;
            var take = (int)Math.Min(perPage, Count - first);
            records = take;
            calls = take == 0 ? new ArraySegment<byte>(_buffer, 0, 0) : new ArraySegment<byte>(_buffer, _start[first], _end[first + take - 1] - _start[first]);
            var after = first + take;
            var next = after < Count ? after + 1 : 0;
            metadataSuffix = Encoding.ASCII.GetBytes("],\"metadata\":{\"next_cursor\":" + next.ToString(CultureInfo.InvariantCulture)
                + ",\"total_count\":" + Count.ToString(CultureInfo.InvariantCulture) + ",\"per_page\":" + perPage.ToString(CultureInfo.InvariantCulture) + ",\"page\":null}}");
            return true;
        }
    }
}
