using System.Management.Automation;
using CallTracking.Core.Validation;

namespace CallTracking.PowerShell.Transformations
{
    /// <summary>
    /// For switch and bool parameters: true/false/yes/no/on/off/1/0 (any case), a real bool or SwitchParameter, 0/1 as a
    /// number. An empty cell or null is false. Anything else ("maybe") is an error for that row, never a silent False.
    /// </summary>
    [System.AttributeUsage(System.AttributeTargets.Property | System.AttributeTargets.Field)]
    public sealed class BooleanTransformationAttribute : StrictTransformationAttribute
    {
        public BooleanTransformationAttribute(string parameterName = "Value") : base(parameterName)
        {
        }

        protected override object? TransformValue(object? value)
        {
            switch (value)
            {
                case null:
                    return false;
                case bool b:
                    return b;
                case SwitchParameter sp:
                    return sp.IsPresent;
                case string s:
                    return s.Trim().Length == 0 ? false : ValueParsers.ParseBoolean(s, ParameterName);
                case int i when i == 0 || i == 1:
                    return i == 1;
                case long l when l == 0 || l == 1:
                    return l == 1;
                default:
                    throw NotValid(value, "one of: " + ValueParsers.BooleanWords);
            }
        }
    }
}
