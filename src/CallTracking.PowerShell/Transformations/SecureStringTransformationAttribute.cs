using System;
using System.Security;

namespace CallTracking.PowerShell.Transformations
{
    /// <summary>
    /// Secrets bound by property name: a SecureString passes; a plain-text value (a CSV cell) is refused without showing it
    /// (a secret is never echoed in an error), so a pin never travels as a plain string.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class SecureStringTransformationAttribute : StrictTransformationAttribute
    {
        public SecureStringTransformationAttribute(string parameterName = "Value") : base(parameterName)
        {
        }

        protected override object? TransformValue(object? value)
        {
            if (value is null || IsBlank(value)) return null;
            if (value is SecureString) return value;
            throw NotValid("(a " + value.GetType().Name + ", not shown)", "a SecureString (Read-Host -AsSecureString, Get-Secret, or ConvertTo-SecureString); a secret is never taken as plain text");
        }
    }
}
