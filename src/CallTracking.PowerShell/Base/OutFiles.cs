using System;
using System.IO;
using System.Threading.Tasks;
using CallTracking.Core.Http;
using CallTracking.PowerShell.Errors;

namespace CallTracking.PowerShell.Base
{
    /// <summary>Files the cmdlets write (-OutFile exports, saved recordings): complete or not at all.</summary>
    internal static class OutFiles
    {
        /// <summary>
        /// Writes into a temporary file beside <paramref name="path"/> (`.name.xxxxxxxx.partial`) and puts it in place only
        /// once complete: a failed or stopped write leaves an existing file as it was and no partial file that looks
        /// complete. Without <paramref name="overwrite"/> a file that exists by then is an OutFileException and is kept.
        /// </summary>
        /// <param name="parameter">The parameter that named the file, for the error ("OutFile", "Path").</param>
        public static async Task<long> WriteAsync(string path, Func<Stream, Task<long>> write, bool overwrite = true, string parameter = "OutFile")
        {
            string temporary;
            FileStream file;
            try
            {
                var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
                if (!overwrite && File.Exists(path)) throw Exists(path);
                temporary = Path.Combine(folder, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".partial");
                file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            }
            catch (Exception ex) when (ex is IOException && !(ex is OutFileException) || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException)
            {
                throw new OutFileException(path, ex, parameter);
            }
            var placed = false;
            try
            {
                long written;
                using (file)
                {
                    try
                    {
                        written = await write(file).ConfigureAwait(false);
                        await file.FlushAsync().ConfigureAwait(false);
                    }
                    catch (IOException ex) when (!(ex is TransientContentException))
                    {
                        throw new OutFileException(path, ex, parameter); // the network's failures arrive as CallTrackingException
                    }
                }
                try
                {
                    if (File.Exists(path))
                    {
                        if (!overwrite) throw Exists(path);
                        File.Replace(temporary, path, null);
                    }
                    else File.Move(temporary, path);
                }
                catch (Exception ex) when (ex is IOException && !(ex is OutFileException) || ex is UnauthorizedAccessException || ex is PlatformNotSupportedException)
                {
                    throw new OutFileException(path, ex, parameter);
                }
                placed = true;
                return written;
            }
            finally
            {
                if (!placed)
                {
                    try { File.Delete(temporary); }
                    catch (Exception) { /* best effort: the write's own failure is the one to report */ }
                }
            }
        }

        public static OutFileException Exists(string path)
            => new OutFileException(path, "The file '" + path + "' exists: pass -Force to overwrite it.", null);
    }
}
