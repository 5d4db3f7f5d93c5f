using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace CallTracking.PowerShell.Providers
{
    /// <summary>
    /// Turns a provider's parameter class into PowerShell dynamic parameters (each property with [Parameter] becomes one,
    /// with its aliases, validation, transformations and a completer for seed lists), and reads the bound values back into
    /// an instance of the class. A hidden catch-all takes whatever else was typed, so that a parameter of another provider
    /// gets a clear WrongProvider error instead of "parameter not found".
    /// </summary>
    internal static class DynamicParameters
    {
        /// <summary>The hidden parameter that collects arguments no parameter took.</summary>
        public const string RemainingArguments = "ProviderArguments";

        private static readonly ConcurrentDictionary<Type, IReadOnlyList<(PropertyInfo Property, Attribute[] Attributes)>> Declarations =
            new ConcurrentDictionary<Type, IReadOnlyList<(PropertyInfo, Attribute[])>>();

        /// <summary>The parameters of <paramref name="spec"/> (none when null), plus the catch-all.</summary>
        public static RuntimeDefinedParameterDictionary Build(ParameterSpec? spec)
        {
            var dictionary = new RuntimeDefinedParameterDictionary();
            if (spec != null)
            {
                foreach (var (property, attributes) in DeclarationsOf(spec.ParametersType))
                {
                    var list = new Collection<Attribute>();
                    var hasSeedList = false;
                    foreach (var attribute in attributes)
                    {
                        if (attribute is ParameterAttribute p) list.Add(Adapt(p, spec));
                        else list.Add(attribute);
                        if (attribute is SeedListAttribute) hasSeedList = true;
                    }
                    if (hasSeedList) list.Add(new ArgumentCompleterAttribute(typeof(SeedListCompleter)));
                    dictionary.Add(property.Name, new RuntimeDefinedParameter(property.Name, property.PropertyType, list));
                }
            }
            var rest = new Collection<Attribute> { new ParameterAttribute { ValueFromRemainingArguments = true, DontShow = true } };
            dictionary.Add(RemainingArguments, new RuntimeDefinedParameter(RemainingArguments, typeof(object[]), rest));
            return dictionary;
        }

        /// <summary>An instance of the spec's class with every bound value set, and which parameters were bound.</summary>
        public static ProviderParameters Materialize(ParameterSpec spec, RuntimeDefinedParameterDictionary dictionary, IDictionary<string, object> boundParameters)
        {
            var instance = (ProviderParameters)Activator.CreateInstance(spec.ParametersType)!;
            var bound = new List<string>();
            foreach (var (property, _) in DeclarationsOf(spec.ParametersType))
            {
                if (!boundParameters.ContainsKey(property.Name) || !dictionary.TryGetValue(property.Name, out var parameter)) continue;
                var value = parameter.Value;
                if (property.PropertyType == typeof(PSObject))
                {
                    // An object parameter keeps its wrapper: a PSCustomObject's properties live on it.
                    property.SetValue(instance, value is null ? null : value as PSObject ?? PSObject.AsPSObject(value));
                    bound.Add(property.Name);
                    continue;
                }
                while (value is PSObject pso && !ReferenceEquals(pso.BaseObject, pso)) value = pso.BaseObject;
                property.SetValue(instance, value is null ? null : LanguagePrimitives.ConvertTo(value, property.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
                bound.Add(property.Name);
            }
            instance.SetBound(bound);
            return instance;
        }

        /// <summary>The parameter of the class named (or aliased) <paramref name="name"/>, with its attributes.</summary>
        public static (PropertyInfo Property, Attribute[] Attributes)? Find(Type parametersType, string name)
        {
            foreach (var declaration in DeclarationsOf(parametersType))
            {
                if (string.Equals(declaration.Property.Name, name, StringComparison.OrdinalIgnoreCase)) return declaration;
                foreach (var alias in declaration.Attributes.OfType<AliasAttribute>())
                    if (alias.AliasNames.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase))) return declaration;
            }
            return null;
        }

        /// <summary>Every parameter the class declares, in declaration order (base class first).</summary>
        public static IReadOnlyList<(PropertyInfo Property, Attribute[] Attributes)> DeclarationsOf(Type parametersType)
            => Declarations.GetOrAdd(parametersType, t =>
                Hierarchy(t).SelectMany(c => c.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).OrderBy(p => p.MetadataToken))
                    .Select(p => (p, p.GetCustomAttributes(true).OfType<Attribute>().ToArray()))
                    .Where(d => d.Item2.OfType<ParameterAttribute>().Any())
                    .ToList());

        private static IEnumerable<Type> Hierarchy(Type t)
        {
            var chain = new List<Type>();
            for (var c = t; c != null && c != typeof(ProviderParameters) && c != typeof(object); c = c.BaseType) chain.Add(c);
            chain.Reverse();
            return chain;
        }

        private static ParameterAttribute Adapt(ParameterAttribute declared, ParameterSpec spec)
        {
            var copy = new ParameterAttribute
            {
                Mandatory = declared.Mandatory,
                Position = declared.Position,
                ValueFromPipeline = declared.ValueFromPipeline,
                ValueFromPipelineByPropertyName = spec.FromPipelineByPropertyName ?? declared.ValueFromPipelineByPropertyName,
                ValueFromRemainingArguments = declared.ValueFromRemainingArguments,
                DontShow = declared.DontShow,
                ParameterSetName = declared.ParameterSetName,
            };
            if (!string.IsNullOrEmpty(declared.HelpMessage)) copy.HelpMessage = declared.HelpMessage;
            if (spec.ParameterSetName != null && declared.ParameterSetName == ParameterAttribute.AllParameterSets) copy.ParameterSetName = spec.ParameterSetName;
            return copy;
        }
    }
}
