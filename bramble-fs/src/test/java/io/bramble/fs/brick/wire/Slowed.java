package io.bramble.fs.brick.wire;

import io.bramble.fs.ops.FileOps;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A brick whose getattr waits until the test lets it go: a frozen server on demand. */
final class Slowed {
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch entered = new CountDownLatch(1);

    FileOps around(FileOps brick) {
        return (FileOps) Proxy.newProxyInstance(FileOps.class.getClassLoader(),
                new Class<?>[]{FileOps.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getattr")) {
                        entered.countDown();
                        release.await(30, TimeUnit.SECONDS);
                    }
                    try {
                        return method.invoke(brick, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
