using System.Collections.Generic;
using CallTracking.Core.Http;

namespace CallTracking.Core.Providers.Avanser
{
    /// <summary>
    /// The Telco API's names (docs/wire-avanser.md): paths, fields, service types, number classes, statuses. [seed] =
    /// ../shared/seeds/avanser-api-summary.txt, [notes] = ../shared/provider-notes.md, [assumed] = our choice (the public
    /// material names only GET services): REST names for the seed's operations, listed in the README's coverage table.
    /// </summary>
    public static partial class AvanserApi
    {
        // ---- Paths ---------------------------------------------------------------------------------------------------
        /// <summary>[notes] code: GET services (list); POST (new), PUT/DELETE services/{id} [assumed: REST names].</summary>
        public const string ServicesPath = "services";
        /// <summary>[assumed] services/{service_id}.</summary>
        public const string ServicePath = "services/{0}";
        /// <summary>[assumed] stock?number_class= (the seed's "available number list").</summary>
        public const string StockPath = "stock";
        /// <summary>[assumed] requests (the seed's asynchronous provisioning requests).</summary>
        public const string RequestsPath = "requests";
        /// <summary>[assumed] requests/{request_id}.</summary>
        public const string RequestPath = "requests/{0}";

        // ---- Reply roots [assumed] -----------------------------------------------------------------------------------
        public const string ServicesRoot = "services";
        public const string ServiceRoot = "service";
        public const string StockRoot = "stock";
        public const string RequestsRoot = "requests";
        public const string RequestRoot = "request";

        // ---- Fields [assumed names, seed concepts] --------------------------------------------------------------------
        public const string ServiceIdField = "service_id";
        public const string NumberField = "number";
        public const string NumberClassField = "number_class";
        public const string ServiceTypeField = "service_type";
        public const string NameField = "name";
        public const string TargetField = "target";
        public const string TargetNameField = "target_name";
        public const string RecordingField = "recording";
        public const string EmailNotificationsField = "email_notifications";
        public const string SmsNotificationsField = "sms_notifications";
        public const string CallbackUriField = "callback_uri";
        public const string SmsForwardUriField = "sms_forward_uri";
        public const string RequestCallbackUriField = "request_callback_uri";
        /// <summary>[seed] custom_id / custom_group.</summary>
        public const string CustomIdField = "custom_id";
        public const string CustomGroupField = "custom_group";
        public const string StatusField = "status";
        public const string CreatedField = "created";
        public const string PoolField = "pool";
        public const string StateField = "state";
        public const string LimitField = "limit";
        public const string RequestIdField = "request_id";
        public const string RequestTypeField = "type";
        public const string SubmittedField = "submitted";
        public const string CompletedField = "completed";
        public const string ErrorField = "error";

        // ---- Values --------------------------------------------------------------------------------------------------
        /// <summary>[seed] the three service types.</summary>
        public static readonly IReadOnlyList<string> ServiceTypes = new[] { "VoiceMail", "Prompt", "Transfer" };
        public const string TransferServiceType = "Transfer";
        /// <summary>[notes] the number classes.</summary>
        public static readonly IReadOnlyList<string> NumberClasses = new[] { "GEO", "TOLLFREE", "FREECALL", "MOBILE" };
        public const string DefaultNumberClass = "GEO";
        /// <summary>[assumed] service statuses.</summary>
        public static readonly IReadOnlyList<string> ServiceStatuses = new[] { "pending", "active", "decommissioned" };
        /// <summary>[assumed] request statuses: pending, then completed or failed.</summary>
        public static readonly IReadOnlyList<string> RequestStatuses = new[] { "pending", "completed", "failed" };
        public const string RequestCompleted = "completed";
        public const string RequestFailed = "failed";
        /// <summary>[assumed] stock pools: private stock is listed first [notes].</summary>
        public const string PrivatePool = "private";

        /// <summary>The Telco API's operations: reads retried, new and decommission sent once (Unsafe), updates Idempotent.</summary>
        public static class TelcoOperations
        {
            public static readonly ApiOperation GetService = new ApiOperation("Avanser.GetService", OperationSafety.Read, "get a service", TelcoApi);
            public static readonly ApiOperation ListStock = new ApiOperation("Avanser.ListStock", OperationSafety.Read, "list available numbers", TelcoApi);
            public static readonly ApiOperation NewService = new ApiOperation("Avanser.NewService", OperationSafety.Unsafe, "request a new service", TelcoApi);
            /// <summary>Sent once too: each PUT makes a new provisioning request.</summary>
            public static readonly ApiOperation UpdateService = new ApiOperation("Avanser.UpdateService", OperationSafety.Unsafe, "request a service update", TelcoApi);
            public static readonly ApiOperation DecommissionService = new ApiOperation("Avanser.DecommissionService", OperationSafety.Unsafe, "request a decommission", TelcoApi);
            public static readonly ApiOperation ListRequests = new ApiOperation("Avanser.ListRequests", OperationSafety.Read, "list provisioning requests", TelcoApi);
            public static readonly ApiOperation GetRequest = new ApiOperation("Avanser.GetRequest", OperationSafety.Read, "get a provisioning request", TelcoApi);

            public static readonly IReadOnlyList<ApiOperation> All = new[] { GetService, ListStock, NewService, UpdateService, DecommissionService, ListRequests, GetRequest };
        }
    }
}
