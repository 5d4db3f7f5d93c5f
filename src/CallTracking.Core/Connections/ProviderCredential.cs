using System;
using System.Runtime.InteropServices;
using System.Security;

namespace CallTracking.Core.Connections
{
    /// <summary>
    /// A user name (not secret: a TrackDrive public key, an AVANSER login) and a secret held as a read-only SecureString.
    /// The secret is unwrapped only for the moment a request is signed and never appears in ToString or exceptions.
    /// </summary>
    public sealed class ProviderCredential : IDisposable
    {
        private readonly SecureString _secret;

        public ProviderCredential(string userName, SecureString secret)
        {
            UserName = userName ?? string.Empty;
            if (secret is null) throw new ArgumentNullException(nameof(secret));
            _secret = secret.Copy();
            _secret.MakeReadOnly();
        }

        public static ProviderCredential FromPlainText(string userName, string secret)
        {
            var s = new SecureString();
            foreach (var c in secret ?? string.Empty) s.AppendChar(c);
            return new ProviderCredential(userName, s);
        }

        public string UserName { get; }

        public bool HasSecret => _secret.Length > 0;

        /// <summary>Runs <paramref name="use"/> with the secret as text; the text is not kept.</summary>
        public T UseSecret<T>(Func<string, T> use)
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

        public override string ToString() => "ProviderCredential(UserName=" + UserName + ", Secret=" + Http.SecretRedactor.Mask + ")";

        public void Dispose() => _secret.Dispose();
    }
}
