using System;
using System.Collections.Generic;
using System.Linq;

namespace CallTracking.Sandbox
{
    /// <summary>What every emulator shares (seed, anchor, clock) plus one option object per provider, owned by that
    /// provider's emulator (e.g. its credentials and how much data it generates).</summary>
    public sealed class SandboxOptions
    {
        private readonly object _gate = new object();
        private readonly Dictionary<Type, object> _providerOptions = new Dictionary<Type, object>();

        public int Seed { get; set; } = 42;

        /// <summary>The newest generated record's time; default (unset) = the clock's now truncated to the hour when
        /// the sandbox is built.</summary>
        public DateTimeOffset Anchor { get; set; }

        /// <summary>The sandbox's notion of now; null = a real-time clock of its own.</summary>
        public SandboxClock? Clock { get; set; }

        /// <summary>The provider option object of type <typeparamref name="T"/>, created with its defaults on first use.</summary>
        public T For<T>() where T : class, new() => (T)For(typeof(T));

        /// <summary>The provider option object of <paramref name="optionsType"/> (which needs a public parameterless
        /// constructor), created with its defaults on first use.</summary>
        public object For(Type optionsType)
        {
            if (optionsType is null) throw new ArgumentNullException(nameof(optionsType));
            lock (_gate)
            {
                if (_providerOptions.TryGetValue(optionsType, out var existing)) return existing;
                if (!optionsType.IsClass || optionsType.IsAbstract || optionsType.GetConstructor(Type.EmptyTypes) is null)
                    throw new ArgumentException("A provider option type must be a concrete class with a public parameterless constructor (got " + optionsType + ").", nameof(optionsType));
                var created = Activator.CreateInstance(optionsType)!;
                _providerOptions.Add(optionsType, created);
                return created;
            }
        }

        /// <summary>Puts a provider option object in place (replacing one of the same type).</summary>
        public SandboxOptions Use(object providerOptions)
        {
            if (providerOptions is null) throw new ArgumentNullException(nameof(providerOptions));
            lock (_gate) _providerOptions[providerOptions.GetType()] = providerOptions;
            return this;
        }

        /// <summary>The provider option objects set or created so far.</summary>
        public IReadOnlyList<object> ProviderOptions
        {
            get { lock (_gate) return _providerOptions.Values.ToList(); }
        }
    }
}
