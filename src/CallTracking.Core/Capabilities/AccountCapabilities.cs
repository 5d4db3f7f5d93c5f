using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Batching;
using CallTracking.Core.Model;

namespace CallTracking.Core.Capabilities
{
    // Account, agency, routing and web-site functions, one interface per function (as in Capabilities.cs). Each has one
    // provider in this release; the shapes are the function's, not that provider's, so that another provider can implement
    // it. A client implements those it has; the cmdlets ask the connection (CallTrackingConnection.Capability<T>) and get a
    // NotSupported error naming the provider when it has none. Every Validate checks a request without sending anything
    // (so -WhatIf and a bad CSV row fail the same way); every Describe says what a change would do, for -WhatIf and the
    // confirmation prompt; every change re-validates before it sends.

    /// <summary>New-CallTrackingAccount: a new account under the connection's account (an agency's client). Sent once.</summary>
    public interface IAccountCreation
    {
        /// <summary>The kinds of account the provider creates (the -AccountType values), in the provider's spelling.</summary>
        IReadOnlyList<string> AccountTypes { get; }
        void Validate(NewAccount account);
        string Describe(NewAccount account);
        /// <summary>Creates the account; the result carries its connection secret when the provider hands one out.</summary>
        Task<CallTrackingAccount> CreateAccountAsync(NewAccount account, CancellationToken cancellationToken);
    }

    /// <summary>Set-CallTrackingAccount: changes the connection's own account (user name, contact, e-mail, password).</summary>
    public interface IAccountSettings
    {
        void Validate(AccountChange change);
        string Describe(AccountChange change);
        /// <summary>Sends the change; the result holds the values that were changed (the provider returns no account).</summary>
        Task<CallTrackingAccount> UpdateAccountAsync(AccountChange change, CancellationToken cancellationToken);
    }

    /// <summary>Get-CallTrackingClient: an agency's client accounts, each with its connection secret.</summary>
    public interface IAgencyClients
    {
        Task<IReadOnlyList<CallTrackingAccount>> ListClientsAsync(CancellationToken cancellationToken);
    }

    /// <summary>Get-CallTrackingBalance: what is left on a prepaid account.</summary>
    public interface IAccountBalance
    {
        Task<AccountBalance> GetBalanceAsync(CancellationToken cancellationToken);
    }

    /// <summary>Add-, Get-, Set-, Remove-RoundRobinTarget: the receiving numbers a tracking number rings in turn.</summary>
    public interface IRoundRobin
    {
        void Validate(RoundRobinAddition addition);
        string Describe(RoundRobinAddition addition);
        /// <summary>Adds the targets (sent once); the targets as the provider returns them.</summary>
        Task<IReadOnlyList<RoundRobinTarget>> AddTargetsAsync(RoundRobinAddition addition, CancellationToken cancellationToken);

        /// <summary>The number's targets in ring order (Position 1, 2, …).</summary>
        Task<IReadOnlyList<RoundRobinTarget>> ListTargetsAsync(string sid, CancellationToken cancellationToken);

        void Validate(RoundRobinChange change);
        string Describe(RoundRobinChange change);
        Task UpdateTargetAsync(RoundRobinChange change, CancellationToken cancellationToken);

        void Validate(RoundRobinRemoval removal);
        string Describe(RoundRobinRemoval removal);
        Task RemoveTargetAsync(RoundRobinRemoval removal, CancellationToken cancellationToken);
    }

    /// <summary>New-LiteCampaign / Get-LiteCampaign: campaigns tracked by a static number (print, TV, radio).</summary>
    public interface ICampaigns
    {
        void Validate(NewCampaign campaign);
        string Describe(NewCampaign campaign);
        Task<Campaign> AddCampaignAsync(NewCampaign campaign, CancellationToken cancellationToken);

        void Validate(CampaignQuery query);
        /// <summary>The active campaigns with their calls in the period.</summary>
        Task<IReadOnlyList<Campaign>> ListCampaignsAsync(CampaignQuery query, CancellationToken cancellationToken);
    }

    /// <summary>Get-VisitData: web visits and calls by keyword for one marketing channel.</summary>
    public interface IVisitData
    {
        /// <summary>The channels visit data can be asked for (the -Filter values), in the provider's spelling.</summary>
        IReadOnlyList<string> VisitChannels { get; }
        void Validate(VisitDataQuery query);
        Task<IReadOnlyList<VisitDataRow>> GetVisitDataAsync(VisitDataQuery query, CancellationToken cancellationToken);
    }

    /// <summary>Add-/Remove-SmartReplacementNumber: the web-site numbers the provider's script swaps for tracking numbers.</summary>
    public interface ISmartReplacement
    {
        /// <summary>
        /// Lists (Remove = false) or unlists web-site numbers, many per request (Core.Batching): a row of several numbers is one
        /// row per number; the rows of one action share requests of up to the provider's limit; a request succeeds or fails as a
        /// whole. A succeeded row's Value is the number as sent (a SmartReplacementNumber); its result is a SmartReplacementResult.
        /// </summary>
        IBatchOperation<SmartReplacementChange> ChangeSmartReplacement();
    }

    /// <summary>Add-MetroSiteNumber, Add-MetroTrackingNumber, Get-MetroSiteNumber, Remove-MetroSiteNumber.</summary>
    public interface IMetroNumbers
    {
        void Validate(NewMetroSite site);
        string Describe(NewMetroSite site);
        Task<MetroSiteNumber> AddSiteAsync(NewMetroSite site, CancellationToken cancellationToken);

        /// <summary>
        /// Allocates tracking numbers to site numbers, many per request (Core.Batching): a row of several SIDs is one row per
        /// SID; the rows of one site id share requests of up to the provider's limit. Its results are MetroAllocationResults.
        /// </summary>
        IBatchOperation<MetroAllocation> Allocate();

        Task<IReadOnlyList<MetroSiteNumber>> ListSitesAsync(CancellationToken cancellationToken);

        void ValidateSiteId(string siteId);
        string DescribeRemoval(string siteId);
        /// <summary>Removes the site number and its allocations (sent once).</summary>
        Task RemoveSiteAsync(string siteId, CancellationToken cancellationToken);
    }
}
