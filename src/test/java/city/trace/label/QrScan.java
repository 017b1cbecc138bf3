package city.trace.label;

import java.awt.image.BufferedImage;
import java.util.Map;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** Reads a QR code from an image as a phone would: finds it, binarises it, corrects errors. */
public final class QrScan {

    private QrScan() {
    }

    static Result scan(BufferedImage image) throws ReaderException {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, true));
    }

    public static String text(BufferedImage image) throws ReaderException {
        return scan(image).getText();
    }

    static Object errorCorrectionLevel(BufferedImage image) throws ReaderException {
        return scan(image).getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL);
    }
}
