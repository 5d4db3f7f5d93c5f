using System;
using System.IO;

namespace CallTracking.PowerShell.Errors
{
    /// <summary>The -OutFile file could not be created or written (never a provider's failure: those are CallTrackingException).</summary>
    public sealed class OutFileException : IOException
    {
        public OutFileException(string path, Exception inner)
            : base("-OutFile '" + path + "' could not be written: " + inner.Message, inner)
        {
            Path = path;
        }

        public string Path { get; }
    }
}
