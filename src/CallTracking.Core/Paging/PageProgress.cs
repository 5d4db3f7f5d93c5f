namespace CallTracking.Core.Paging
{
    /// <summary>Told after each page arrives, so a cmdlet can show Write-Progress when the provider reports a total.</summary>
    public sealed class PageProgress
    {
        public PageProgress(string operation, int pageNumber, long received, long? totalCount)
        {
            Operation = operation;
            PageNumber = pageNumber;
            Received = received;
            TotalCount = totalCount;
        }

        public string Operation { get; }
        public int PageNumber { get; }
        /// <summary>Records received so far, this page included.</summary>
        public long Received { get; }
        /// <summary>The provider's total for the query, when it reports one.</summary>
        public long? TotalCount { get; }
    }
}
