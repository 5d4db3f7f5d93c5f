using System;
using System.Security;
using System.Management.Automation;

namespace CallTracking.PowerShell.Transformations
{
    /// <summary>
    /// Secrets (passwords, pins): a SecureString passes, and so does a PSCredential's password; an empty CSV cell or null is
    /// "not given". Plain text is refused with a message that says how to make a SecureString, so a password never travels
    /// as a string through a CSV or a variable by accident (and PowerShell's own binder error would not say why).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class SecureStringTransformationAttribute : StrictTransformationAttribute
    {
        public SecureStringTransformationAttribute(string parameterName = "Value") : base(parameterName)
        {
        }

        protected override object? TransformValue(object? value)
        {
            switch (value)
            {
                case null: return null;
                case object blank when IsBlank(blank): return null;
                case SecureString s: return s;
                case PSCredential c: return c.Password;
                // The value is never echoed: the mask stands for it.
                default: throw NotValid(Core.Http.SecretRedactor.Mask, "a SecureString (Read-Host -AsSecureString, Get-Secret, or ConvertTo-SecureString for a value you already hold); plain text is not accepted");
            }
        }
    }
}
