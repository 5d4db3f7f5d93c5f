using System;
using System.Runtime.InteropServices;
using System.Security;

namespace CallTracking.Core.Connections
{
    /// <summary>
    /// A secret held as a read-only SecureString, unwrapped only for the moment a request is signed. Never shown:
    /// ToString prints the mask.
    /// </summary>
    public sealed class SecretValue : IDisposable
    {
        private readonly SecureString _secret;

        public SecretValue(SecureString secret)
        {
            if (secret is null) throw new ArgumentNullException(nameof(secret));
            _secret = secret.Copy();
            _secret.MakeReadOnly();
        }

        public static SecretValue FromPlainText(string secret)
        {
            using var s = new SecureString();
            foreach (var c in secret ?? string.Empty) s.AppendChar(c);
            return new SecretValue(s);
        }

        public bool IsEmpty => _secret.Length == 0;

        /// <summary>Runs <paramref name="use"/> with the secret as text; the text is not kept.</summary>
        public T Use<T>(Func<string, T> use)
        {
            var ptr = IntPtr.Zero;
            try
            {
                ptr = Marshal.SecureStringToGlobalAllocUnicode(_secret);
                return use(Marshal.PtrToStringUni(ptr) ?? string.Empty);
            }
            finally
            {
                if (ptr != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(ptr);
            }
        }

        public override string ToString() => Http.SecretRedactor.Mask;

        public void Dispose() => _secret.Dispose();
    }
}
