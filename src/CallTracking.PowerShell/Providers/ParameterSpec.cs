using System;

namespace CallTracking.PowerShell.Providers
{
    /// <summary>
    /// Which parameter class a provider adds to a cmdlet and how its parameters bind there: one declaration (a provider's
    /// call filters) serves several cmdlets, in the cmdlet's list set without pipeline binding (Get-CallLog) or in every set
    /// bound from the pipeline by property name (Get-CallReport, a CSV of report requests).
    /// </summary>
    public sealed class ParameterSpec
    {
        public ParameterSpec(Type parametersType, string? parameterSetName = null, bool? fromPipelineByPropertyName = null)
        {
            if (parametersType is null) throw new ArgumentNullException(nameof(parametersType));
            if (!typeof(ProviderParameters).IsAssignableFrom(parametersType)) throw new ArgumentException(parametersType + " is not a ProviderParameters class.", nameof(parametersType));
            ParametersType = parametersType;
            ParameterSetName = parameterSetName;
            FromPipelineByPropertyName = fromPipelineByPropertyName;
        }

        public Type ParametersType { get; }
        /// <summary>The set every parameter declared for all sets joins (null: as declared).</summary>
        public string? ParameterSetName { get; }
        /// <summary>Overrides ValueFromPipelineByPropertyName of every parameter (null: as declared).</summary>
        public bool? FromPipelineByPropertyName { get; }
    }
}
