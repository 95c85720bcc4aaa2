@NullMarked
package io.runbookbot.alert;

import org.jspecify.annotations.NullMarked;
