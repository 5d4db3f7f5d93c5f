using System;
using System.Collections.Generic;
using System.Security;

namespace CallTracking.Core.Capabilities
{
    // The requests of the capabilities in AccountCapabilities.cs. Values are as the user gave them (phone numbers in any
    // form, names untrimmed): the provider's client validates and converts them to its wire form. Property names are the
    // cmdlets' parameter names, which the validation messages use.

    /// <summary>New-CallTrackingAccount.</summary>
    public sealed class NewAccount
    {
        public string? UserName { get; set; }
        /// <summary>The new account's password (unwrapped only while the request is built).</summary>
        public SecureString? Password { get; set; }
        public string? AccountType { get; set; }
        public string? Email { get; set; }
        public string? ContactName { get; set; }
        public string? ContactNumber { get; set; }
        public string? Domain { get; set; }
    }

    /// <summary>Set-CallTrackingAccount: null means "leave as it is".</summary>
    public sealed class AccountChange
    {
        public string? UserName { get; set; }
        public string? FullName { get; set; }
        public string? Email { get; set; }
        public SecureString? Password { get; set; }
    }

    /// <summary>Add-RoundRobinTarget: receiving numbers with their extensions and labels, paired by position.</summary>
    public sealed class RoundRobinAddition
    {
        public string? Sid { get; set; }
        public IReadOnlyList<string>? ForwardNumber { get; set; }
        /// <summary>None, or one per forward number (an empty one for a number without an extension).</summary>
        public IReadOnlyList<string>? Extension { get; set; }
        /// <summary>None, or one per forward number.</summary>
        public IReadOnlyList<string>? Label { get; set; }
        /// <summary>Ring the number's default receiving number first; null = the provider's default.</summary>
        public bool? UseDefaultFirst { get; set; }
    }

    /// <summary>Set-RoundRobinTarget: the entry (Sid and Id) and its new values.</summary>
    public sealed class RoundRobinChange
    {
        public string? Sid { get; set; }
        public string? Id { get; set; }
        public string? ForwardNumber { get; set; }
        public string? Extension { get; set; }
        public string? Label { get; set; }
        public bool? UseDefaultFirst { get; set; }
    }

    /// <summary>Remove-RoundRobinTarget.</summary>
    public sealed class RoundRobinRemoval
    {
        public string? Sid { get; set; }
        public string? Id { get; set; }
    }

    /// <summary>New-LiteCampaign.</summary>
    public sealed class NewCampaign
    {
        public string? Title { get; set; }
        public string? Sid { get; set; }
        public string? AdGroup { get; set; }
        public string? ForwardNumber { get; set; }
        public string? Extension { get; set; }
    }

    /// <summary>Get-LiteCampaign: a period (either end open).</summary>
    public sealed class CampaignQuery
    {
        public DateTimeOffset? Start { get; set; }
        public DateTimeOffset? End { get; set; }
    }

    /// <summary>Get-VisitData: one channel, a period (either end open).</summary>
    public sealed class VisitDataQuery
    {
        public string? Channel { get; set; }
        public DateTimeOffset? Start { get; set; }
        public DateTimeOffset? End { get; set; }
    }

    /// <summary>
    /// A row of Add-/Remove-SmartReplacementNumber: web-site numbers to list (Remove = false) or to take off the list. The
    /// batch operation makes it one row per number; rows of one action (the key) share a request.
    /// </summary>
    public sealed class SmartReplacementChange
    {
        public IReadOnlyList<string>? SitePhone { get; set; }
        public bool Remove { get; set; }
    }

    /// <summary>Add-MetroSiteNumber.</summary>
    public sealed class NewMetroSite
    {
        public string? SiteNumber { get; set; }
        public string? Title { get; set; }
        public string? ForwardNumber { get; set; }
    }

    /// <summary>
    /// A row of Add-MetroTrackingNumber: tracking numbers (SIDs) for one site number. The batch operation makes it one row per
    /// SID; rows for one site id (the key) share a request.
    /// </summary>
    public sealed class MetroAllocation
    {
        public string? SiteId { get; set; }
        public IReadOnlyList<string>? Sid { get; set; }
    }
}
