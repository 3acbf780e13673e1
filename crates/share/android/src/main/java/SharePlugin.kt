package id.posyandu.ayahasi.share

import android.app.Activity
import android.content.ClipData
import android.content.Intent
import android.net.Uri
import androidx.core.content.FileProvider
import app.tauri.annotation.Command
import app.tauri.annotation.InvokeArg
import app.tauri.annotation.TauriPlugin
import app.tauri.plugin.Invoke
import app.tauri.plugin.Plugin
import java.io.File

/** The FileProvider of the share folder (its own class, so no other library's clashes). */
class AyahShareFileProvider : FileProvider()

@InvokeArg
class ShareRequest {
    lateinit var paths: Array<String>
    var mime: String = "application/octet-stream"
    var title: String = ""
}

/** Opens Android's share sheet for files in the app's cache folder (staging/share/). */
@TauriPlugin
class SharePlugin(private val activity: Activity) : Plugin(activity) {
    @Command
    fun share(invoke: Invoke) {
        try {
            val request = invoke.parseArgs(ShareRequest::class.java)
            if (request.paths.isEmpty()) {
                invoke.reject("no file to share")
                return
            }
            val authority = "${activity.packageName}.ayahshare"
            val uris = ArrayList<Uri>(request.paths.map { path ->
                FileProvider.getUriForFile(activity, authority, File(path))
            })
            val send = if (uris.size == 1) {
                Intent(Intent.ACTION_SEND).putExtra(Intent.EXTRA_STREAM, uris[0])
            } else {
                Intent(Intent.ACTION_SEND_MULTIPLE).putParcelableArrayListExtra(Intent.EXTRA_STREAM, uris)
            }
            send.type = request.mime
            // The receiving app may read these files (and only these), nothing else.
            val clip = ClipData.newRawUri(request.title, uris[0])
            uris.drop(1).forEach { clip.addItem(ClipData.Item(it)) }
            send.clipData = clip
            send.addFlags(Intent.FLAG_GRANT_READ_URI_PERMISSION)
            activity.startActivity(Intent.createChooser(send, request.title))
            invoke.resolve()
        } catch (error: Exception) {
            invoke.reject(error.message ?: "the share sheet could not be opened")
        }
    }
}
