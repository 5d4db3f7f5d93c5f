using System;
using System.Management.Automation;
using CallTracking.Core.Providers.TrackDrive;

namespace CallTracking.PowerShell.Base
{
    /// <summary>The call filters that Get-CallLog, Get-CallReport and Get-CallStatistic share (docs/cmdlets.md).</summary>
    public interface ICallFilterParameters
    {
        DateTimeOffset? CreatedAfter { get; }
        DateTimeOffset? CreatedBefore { get; }
        DateTimeOffset? EndedAfter { get; }
        DateTimeOffset? EndedBefore { get; }
        SwitchParameter OfferRepeatCaller { get; }
        SwitchParameter BuyerRepeatCaller { get; }
        SwitchParameter BuyerConverted { get; }
        SwitchParameter OfferConverted { get; }
        SwitchParameter InProgress { get; }
        SwitchParameter PlacedOnHold { get; }
        SwitchParameter HasRecording { get; }
        SwitchParameter BuyerConversionDuplicatedCall { get; }
        SwitchParameter OfferConversionDuplicatedCall { get; }
        SwitchParameter NoBuyer { get; }
        string? TokenKey { get; }
        string? TokenValue { get; }
        string? Order { get; }
        string? OrderDirection { get; }
        long? NumberId { get; }
        long? OfferId { get; }
        long? TrafficSourceId { get; }
        long? BuyerId { get; }
        long? BuyerGroupId { get; }
        long? RingPoolId { get; }
        long? CallId { get; }
        long? ProviderConfigurationId { get; }
        long? ContactId { get; }
        string? Status { get; }
    }

    public static class CallFilters
    {
        /// <summary>
        /// Copies the filters into a core query. <paramref name="switchState"/> tells a switch that is absent (null: not sent)
        /// from -X:$false (false: sent as false).
        /// </summary>
        public static T Fill<T>(T f, ICallFilterParameters p, Func<string, SwitchParameter, bool?> switchState) where T : TrackDriveCallFilter
        {
            f.CreatedAtFrom = p.CreatedAfter;
            f.CreatedAtTo = p.CreatedBefore;
            f.EndedAtFrom = p.EndedAfter;
            f.EndedAtTo = p.EndedBefore;
            f.OfferRepeatCaller = switchState(nameof(p.OfferRepeatCaller), p.OfferRepeatCaller);
            f.BuyerRepeatCaller = switchState(nameof(p.BuyerRepeatCaller), p.BuyerRepeatCaller);
            f.BuyerConverted = switchState(nameof(p.BuyerConverted), p.BuyerConverted);
            f.OfferConverted = switchState(nameof(p.OfferConverted), p.OfferConverted);
            f.InProgress = switchState(nameof(p.InProgress), p.InProgress);
            f.PlacedOnHold = switchState(nameof(p.PlacedOnHold), p.PlacedOnHold);
            f.HasRecording = switchState(nameof(p.HasRecording), p.HasRecording);
            f.BuyerConversionDuplicatedCall = switchState(nameof(p.BuyerConversionDuplicatedCall), p.BuyerConversionDuplicatedCall);
            f.OfferConversionDuplicatedCall = switchState(nameof(p.OfferConversionDuplicatedCall), p.OfferConversionDuplicatedCall);
            f.NoBuyer = switchState(nameof(p.NoBuyer), p.NoBuyer);
            f.TokenKey = p.TokenKey;
            f.TokenValue = p.TokenValue;
            f.Order = AllowedValues.Canonical(p.Order, TrackDriveApi.CallOrders);
            f.OrderDir = AllowedValues.Canonical(p.OrderDirection, TrackDriveApi.OrderDirections);
            f.NumberId = p.NumberId;
            f.OfferId = p.OfferId;
            f.TrafficSourceId = p.TrafficSourceId;
            f.BuyerId = p.BuyerId;
            f.BuyerGroupIds = p.BuyerGroupId;
            f.RingPoolId = p.RingPoolId;
            f.Id = p.CallId;
            f.ProviderConfigurationId = p.ProviderConfigurationId;
            f.ContactId = p.ContactId;
            f.Status = AllowedValues.Canonical(p.Status, TrackDriveApi.CallStatuses);
            return f;
        }
    }
}
