package cn.county.platform.exchange.sheet;

/**
 * POI's guards against zip bombs, applied to every XLSX upload: the smallest ratio of
 * compressed to inflated size of any entry, and the largest inflated entry (a
 * 3.5-million-row sheet is about 1 GB of XML).
 *
 * @param minInflateRatio below this ratio an entry is taken for a zip bomb (POI's default
 * is 0.01)
 * @param maxEntryBytes the largest inflated entry
 */
public record SheetReaderLimits(double minInflateRatio, long maxEntryBytes) {

	public static final SheetReaderLimits DEFAULT = new SheetReaderLimits(0.01, 2L * 1024 * 1024 * 1024);

}
