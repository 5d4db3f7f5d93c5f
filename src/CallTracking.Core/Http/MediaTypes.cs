using System;
using System.Collections.Generic;

namespace CallTracking.Core.Http
{
    /// <summary>File extensions for the media types a recording comes in.</summary>
    public static class MediaTypes
    {
        private static readonly IReadOnlyDictionary<string, string> Extensions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["audio/wav"] = ".wav",
            ["audio/wave"] = ".wav",
            ["audio/x-wav"] = ".wav",
            ["audio/vnd.wave"] = ".wav",
            ["audio/mpeg"] = ".mp3",
            ["audio/mp3"] = ".mp3",
            ["audio/mp4"] = ".m4a",
            ["audio/x-m4a"] = ".m4a",
            ["audio/aac"] = ".aac",
            ["audio/ogg"] = ".ogg",
            ["audio/opus"] = ".opus",
            ["audio/webm"] = ".webm",
            ["audio/flac"] = ".flac",
            ["audio/x-flac"] = ".flac",
            ["audio/gsm"] = ".gsm",
            ["audio/basic"] = ".au",
        };

        /// <summary>The extension (with its dot) for a media type ("audio/wav; charset=…" too); null when unknown or absent.</summary>
        public static string? Extension(string? mediaType)
        {
            if (string.IsNullOrWhiteSpace(mediaType)) return null;
            var t = mediaType!.Split(';')[0].Trim();
            return Extensions.TryGetValue(t, out var e) ? e : null;
        }
    }
}
